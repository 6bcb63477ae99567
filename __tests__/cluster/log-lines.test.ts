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

  it('without timestamps, re-reads from the start and skips what was received', () => {
    const seen = new SeenLines();
    expect(read(seen, ['a', 'b'])).toEqual(['a', 'b']);
    expect(seen.since).toBeUndefined();
    expect(read(seen, ['a', 'b', 'c'])).toEqual(['c']);
    expect(read(seen, ['a', 'b', 'c', 'd', 'e'])).toEqual(['d', 'e']);
  });
});
