/**
 * The lines of a container log read with `timestamps=true`, each once: a read resumed from the last
 * line's time (`sinceTime`, inclusive, possibly rounded down by the server) repeats what was already
 * received, and this drops it. Two identical lines at the same instant are both kept: only as many
 * copies as were received before are dropped.
 */

/** RFC 3339 (any fraction, `Z` or an offset) as nanoseconds since the epoch; undefined if it is not one. */
export function rfc3339Nanos(text: string): bigint | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]!.toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** `2024-05-01T10:00:00.123456789Z text` → its time and text; the time undefined when there is none. */
export function splitTimestamp(raw: string): { time?: string; nanos?: bigint; text: string } {
  const space = raw.indexOf(' ');
  const head = space < 0 ? raw : raw.slice(0, space);
  const nanos = rfc3339Nanos(head);
  if (nanos === undefined) return { text: raw };
  return { time: head, nanos, text: space < 0 ? '' : raw.slice(space + 1) };
}

export class SeenLines {
  /** The newest time received, as the server wrote it (sent back as `sinceTime`). */
  private lastTime?: string;
  private lastNanos?: bigint;
  /** The texts received at lastNanos, with how many of each. */
  private atLast = new Map<string, number>();
  /** Of those, the ones the current read has not repeated yet. */
  private unmatched = new Map<string, number>();
  /** A line came without a timestamp: resumes re-read from the start and skip what was received. */
  private untimed = false;
  private toSkip = 0;
  /** Lines received in all. */
  count = 0;

  /** Where the next read starts: `sinceTime`, when lines are timed. */
  get since(): string | undefined {
    return this.untimed ? undefined : this.lastTime;
  }

  /** Called before each read: its lines are matched against what was received before it. */
  startRead(): void {
    this.unmatched = new Map(this.atLast);
    this.toSkip = this.untimed ? this.count : 0;
  }

  /** The line's text when it is new, undefined when it repeats one already received. */
  accept(raw: string): string | undefined {
    const { time, nanos, text } = splitTimestamp(raw);
    if (this.toSkip > 0) {
      this.toSkip--;
      return undefined;
    }
    if (time === undefined || nanos === undefined) {
      this.untimed = true;
      this.count++;
      return raw;
    }
    if (this.lastNanos !== undefined && nanos < this.lastNanos) return undefined;
    if (this.lastNanos !== undefined && nanos === this.lastNanos) {
      const left = this.unmatched.get(text) ?? 0;
      if (left > 0) {
        this.unmatched.set(text, left - 1);
        return undefined;
      }
    } else {
      this.lastNanos = nanos;
      this.lastTime = time;
      this.atLast = new Map();
      this.unmatched = new Map();
    }
    this.atLast.set(text, (this.atLast.get(text) ?? 0) + 1);
    this.count++;
    return text;
  }
}
