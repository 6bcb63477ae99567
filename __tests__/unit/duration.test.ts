import { describe, expect, it } from '@jest/globals';
import { formatDuration, parseDuration } from '../../src/duration.js';

describe('durations', () => {
  it.each([
    ['90', 90_000],
    ['1.5', 1_500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['2m30s', 150_000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '10 minutes', '5d', '-1s', 'm'])('refuses %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );

  it.each([
    [400, '400ms'],
    [30_000, '30s'],
    [61_000, '1m1s'],
    [600_000, '10m'],
    [5_400_000, '1h30m'],
  ])('formats %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
