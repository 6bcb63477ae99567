/** Durations as users write them in inputs and annotations: `90s`, `10m`, `1h30m`, `500ms`, or seconds. */
const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) return undefined;
  return Math.round(parts.reduce((total, p) => total + Number(p[1]) * UNITS[p[2]!]!, 0));
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
}

/**
 * The longest duration hook-sync accepts anywhere (`--timeout`, `hook-sync.io/timeout`, …): a day. A
 * GitHub-hosted job stops after 6 h, and Node's timers overflow (firing at once) past 24.8 days.
 */
export const MAX_DURATION_MS = 24 * 3_600_000;

export interface DurationLimits {
  /** Inclusive; default 1 ms (zero refused). */
  minMs?: number;
  /** Inclusive; default MAX_DURATION_MS. */
  maxMs?: number;
}

/** Milliseconds, or why `text` is not a duration within the limits (for "<what> <problem>" messages). */
export function checkDuration(
  text: string,
  limits: DurationLimits = {},
): { ms: number; problem?: undefined } | { ms?: undefined; problem: string } {
  const { minMs = 1, maxMs = MAX_DURATION_MS } = limits;
  const ms = parseDuration(text);
  if (ms === undefined) {
    const negative = /^-/.test(text.trim()) && parseDuration(text.trim().slice(1)) !== undefined;
    return {
      problem: negative
        ? `must not be negative, found "${text}"`
        : `must be a duration such as "90s", "5m" or "1h30m", found "${text}"`,
    };
  }
  if (ms < minMs)
    return {
      problem:
        minMs <= 1
          ? `must be longer than 0, found "${text}"`
          : `must be at least ${formatDuration(minMs)}, found "${text}"`,
    };
  if (ms > maxMs) return { problem: `must be at most ${formatDuration(maxMs)}, found "${text}"` };
  return { ms };
}
