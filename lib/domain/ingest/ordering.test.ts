import { describe, expect, it } from 'vitest';
import { decideOrdering, retryDelayMs } from './ordering.ts';

const receivedAt = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(receivedAt.getTime() + ms);

describe('decideOrdering', () => {
  it.each([
    { name: 'first version of a new subject applies', sequence: 1n, applied: null, now: at(0), expected: { action: 'apply' } },
    { name: 'next version applies', sequence: 4n, applied: 3n, now: at(0), expected: { action: 'apply' } },
    { name: 'the same version again is superseded', sequence: 3n, applied: 3n, now: at(0), expected: { action: 'supersede', applied: 3n } },
    { name: 'an older version is superseded', sequence: 2n, applied: 5n, now: at(0), expected: { action: 'supersede', applied: 5n } },
    {
      name: 'a gap parks until the timeout',
      sequence: 5n,
      applied: 2n,
      now: at(1000),
      expected: { action: 'park', until: at(60_000), missingFrom: 3n, missingTo: 4n },
    },
    {
      name: 'a new subject starting above 1 waits for the earlier versions',
      sequence: 2n,
      applied: null,
      now: at(0),
      expected: { action: 'park', until: at(60_000), missingFrom: 1n, missingTo: 1n },
    },
    { name: 'at the timeout the later version applies', sequence: 5n, applied: 2n, now: at(60_000), expected: { action: 'apply-after-gap', missingFrom: 3n, missingTo: 4n } },
  ])('$name', ({ sequence, applied, now, expected }) => {
    expect(decideOrdering({ sequence, applied, receivedAt, now, gapTimeoutMs: 60_000 })).toEqual(expected);
  });
});

describe('retryDelayMs', () => {
  it.each([
    { attempt: 1, random: 0, expected: 500 },
    { attempt: 1, random: 0.999, expected: 1000 },
    { attempt: 4, random: 0, expected: 4000 },
    { attempt: 4, random: 0.5, expected: 6000 },
    { attempt: 30, random: 0, expected: 300_000 },
    { attempt: 30, random: 0.999_999, expected: 600_000 },
  ])('attempt $attempt with jitter $random waits $expected ms', ({ attempt, random, expected }) => {
    expect(retryDelayMs(attempt, random)).toBe(expected);
  });
});
