// Resumed log reads: what a read from `sinceTime` repeats is dropped, nothing new is, in any sequence of reads.
import { describe, expect, it } from '@jest/globals';
import { rfc3339Nanos, SeenLines, splitTimestamp } from '../../src/cluster/log-lines.js';

const T = (n: number) => `2025-03-01T12:00:00.${String(n).padStart(9, '0')}Z`;

/** One read: the raw lines a server sends, the texts let through. */
function read(seen: SeenLines, raw: string[]): string[] {
  seen.startRead();
  return raw.map((r) => seen.accept(r)).filter((t): t is string => t !== undefined);
}

describe('timestamps', () => {
  it('reads RFC 3339 at any precision and offset, to the nanosecond', () => {
    expect(rfc3339Nanos('2025-03-01T12:00:00.000000001Z')! - rfc3339Nanos('2025-03-01T12:00:00Z')!).toBe(1n);
    expect(rfc3339Nanos('2025-03-01T12:00:00.5Z')).toBe(rfc3339Nanos('2025-03-01T12:00:00.500000000Z'));
    expect(rfc3339Nanos('2025-03-01T14:00:00+02:00')).toBe(rfc3339Nanos('2025-03-01T12:00:00Z'));
    expect(rfc3339Nanos('yesterday')).toBeUndefined();
    expect(splitTimestamp(`${T(5)} hello world`)).toMatchObject({ time: T(5), text: 'hello world' });
    expect(splitTimestamp(`${T(5)} `)).toMatchObject({ time: T(5), text: '' });
    expect(splitTimestamp('no time here')).toEqual({ text: 'no time here' });
  });
});

describe('SeenLines', () => {
  it('drops what a resumed read repeats, in a sequence of cuts', () => {
    const seen = new SeenLines();
    expect(read(seen, [`${T(1)} line 1`, `${T(2)} line 2`])).toEqual(['line 1', 'line 2']);
    expect(seen.since).toBe(T(2));
    // The server answers sinceTime inclusively: line 2 again, then what is new.
    expect(read(seen, [`${T(2)} line 2`, `${T(3)} line 3`])).toEqual(['line 3']);
    // A server that rounds sinceTime down to the second sends everything again.
    expect(
      read(
        seen,
        [1, 2, 3, 4].map((n) => `${T(n)} line ${n}`),
      ),
    ).toEqual(['line 4']);
    expect(read(seen, [])).toEqual([]);
    expect(read(seen, [`${T(4)} line 4`, `${T(5)} line 5`])).toEqual(['line 5']);
    expect(seen.count).toBe(5);
  });

  it('keeps identical lines written at the same instant, dropping only copies already received', () => {
    const seen = new SeenLines();
    expect(read(seen, [`${T(7)} tick`, `${T(7)} tick`])).toEqual(['tick', 'tick']);
    // Cut after two of three: the resumed read has all three at that instant; one is new.
    expect(read(seen, [`${T(7)} tick`, `${T(7)} tick`, `${T(7)} tick`, `${T(8)} tock`])).toEqual([
      'tick',
      'tock',
    ]);
    expect(read(seen, [`${T(8)} tock`])).toEqual([]);
  });

  it('keeps a line stamped earlier than the one before it (stdout and stderr are stamped apart)', () => {
    const seen = new SeenLines();
    expect(
      read(seen, [
        `${T(100)} stdout 1`,
        `${T(300)} stdout 2`,
        `${T(200)} FATAL on stderr`,
        `${T(400)} stdout 3`,
      ]),
    ).toEqual(['stdout 1', 'stdout 2', 'FATAL on stderr', 'stdout 3']);
    // Resumed from the last line's time: repeats dropped, out of order or not, and an earlier-stamped new
    // line kept.
    expect(seen.since).toBe(T(400));
    expect(read(seen, [`${T(400)} stdout 3`, `${T(500)} stdout 4`, `${T(450)} stderr again`])).toEqual([
      'stdout 4',
      'stderr again',
    ]);
    expect(seen.since).toBe(T(450));
    // A server rounding sinceTime down to the second sends the whole second again, in its own order.
    expect(
      read(seen, [
        `${T(100)} stdout 1`,
        `${T(300)} stdout 2`,
        `${T(200)} FATAL on stderr`,
        `${T(400)} stdout 3`,
        `${T(500)} stdout 4`,
        `${T(450)} stderr again`,
        `${T(350)} late stderr`,
      ]),
    ).toEqual(['late stderr']);
    expect(seen.count).toBe(7);
  });

  it('keeps a line whose time and text repeat an earlier one when it comes in a first read', () => {
    const seen = new SeenLines();
    expect(read(seen, [`${T(1)} retry`, `${T(2)} x`, `${T(1)} retry`])).toEqual(['retry', 'x', 'retry']);
  });

  it('without timestamps, re-reads from the start and skips what was received', () => {
    const seen = new SeenLines();
    expect(read(seen, ['a', 'b'])).toEqual(['a', 'b']);
    expect(seen.since).toBeUndefined();
    expect(read(seen, ['a', 'b', 'c'])).toEqual(['c']);
    expect(read(seen, ['a', 'b', 'c', 'd', 'e'])).toEqual(['d', 'e']);
  });
});
