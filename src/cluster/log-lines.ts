/**
 * The lines of a container log read with `timestamps=true`, each once: a read resumed from the last
 * line's time (`sinceTime`, inclusive, possibly rounded down to the second by the server) repeats what was
 * already received, and this drops it. Only that: a line is dropped when it is an exact (time, text)
 * repeat of one received before, in a resumed read, at or after the second of the `sinceTime` sent. Stamps
 * are not monotonic (containerd stamps stdout and stderr in two copiers), so a line stamped earlier than
 * the one before it is new, never taken for a repeat. Two identical lines at the same instant are both
 * kept: only as many copies as were received before are dropped.
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

const SECOND = 1_000_000_000n;
/** Received lines remembered beyond what the next resume can repeat, before they are forgotten. */
const REMEMBERED = 4096;

export class SeenLines {
  /** The last line's time, as the server wrote it (sent back as `sinceTime`). */
  private lastTime?: string;
  private lastNanos?: bigint;
  /** Lines received (`nanos text`), with how many copies, as far back as a resume can repeat. */
  private received = new Map<string, { nanos: bigint; copies: number }>();
  /** Of those, the copies the current read has not repeated yet. */
  private unmatched = new Map<string, number>();
  /** The current read repeats lines from here on (the second of the sinceTime sent); none on a first read. */
  private repeatsFrom?: bigint;
  /** A line came without a timestamp: resumes re-read from the start and skip what was received. */
  private untimed = false;
  private toSkip = 0;
  /** received's size at which lines too old to be repeated are forgotten (doubling: a burst within one second costs no rescans). */
  private forgetAt = REMEMBERED;
  /** Lines received in all. */
  count = 0;

  /** Where the next read starts: `sinceTime`, when lines are timed. */
  get since(): string | undefined {
    return this.untimed ? undefined : this.lastTime;
  }

  /** Called before each read: its lines are matched against what was received before it. */
  startRead(): void {
    this.toSkip = this.untimed ? this.count : 0;
    if (this.lastNanos === undefined) return;
    // The server may round sinceTime down to the second: everything from that second may come again.
    this.repeatsFrom = this.lastNanos - (this.lastNanos % SECOND);
    this.forgetBefore(this.repeatsFrom);
    this.unmatched = new Map([...this.received].map(([key, r]) => [key, r.copies]));
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
    const key = `${nanos} ${text}`;
    if (this.repeatsFrom !== undefined && nanos >= this.repeatsFrom) {
      const left = this.unmatched.get(key) ?? 0;
      if (left > 0) {
        this.unmatched.set(key, left - 1);
        return undefined;
      }
    }
    const r = this.received.get(key);
    if (r) r.copies++;
    else this.received.set(key, { nanos, copies: 1 });
    this.lastNanos = nanos;
    this.lastTime = time;
    this.count++;
    // A long read never resumed: what lies a second before its newest line cannot be repeated next.
    if (this.received.size > this.forgetAt) {
      this.forgetBefore(nanos - (nanos % SECOND) - SECOND);
      this.forgetAt = Math.max(REMEMBERED, this.received.size * 2);
    }
    return text;
  }

  private forgetBefore(nanos: bigint): void {
    for (const [key, r] of this.received) if (r.nanos < nanos) this.received.delete(key);
  }
}
