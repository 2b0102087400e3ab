import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from './retry-delay.ts';

const dice = (value: number) => () => value;

describe('retryDelayMs (exponential backoff, full jitter)', () => {
  it.each([
    // failures, random, retryAfter, expected ms (base 1000, cap 60000)
    [1, 0.999, null, 999], // ceiling 1 s
    [1, 0, null, 0], // full jitter may retry at once
    [2, 0.5, null, 1000], // ceiling 2 s
    [3, 0.5, null, 2000], // ceiling 4 s
    [6, 0.5, null, 16000], // ceiling 32 s
    [7, 0.5, null, 30000], // ceiling capped at 60 s
    [60, 0.999, null, 59940], // still capped, no overflow
    [1, 0.1, 5, 5000], // Retry-After is a floor
    [7, 0.9, 5, 54000], // a later jitter beats a short Retry-After
    [1, 0.1, 3600, 60000], // a Retry-After beyond the cap waits the cap
    [2, 0.1, 0, 200],
  ])('failure %i, dice %d, Retry-After %s → %i ms', (failures, random, retryAfterSeconds, expected) => {
    expect(retryDelayMs({ failures, baseMs: 1000, capMs: 60_000, retryAfterSeconds, random: dice(random) })).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %d failures', (failures) => {
    expect(() => retryDelayMs({ failures, baseMs: 1000, capMs: 60_000, random: dice(0) })).toThrow(RangeError);
  });

  it('refuses a cap below the base', () => {
    expect(() => retryDelayMs({ failures: 1, baseMs: 1000, capMs: 10, random: dice(0) })).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it.each([
    ['5', 5],
    ['0', 0],
    [' 120 ', 120],
    ['Fri, 04 Dec 2026 12:00:30 GMT', 30],
    ['Fri, 04 Dec 2026 11:00:00 GMT', 0], // in the past: no wait
    ['-3', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %s', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
