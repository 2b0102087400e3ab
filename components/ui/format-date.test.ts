import { describe, expect, it } from 'vitest';
import { formatAge } from './format-date';

describe('formatAge', () => {
  const now = '2026-03-10T12:00:00.000Z';
  it.each([
    ['2026-03-10T12:00:30.000Z', 'just now'], // a clock a little ahead
    ['2026-03-10T11:59:31.000Z', 'just now'],
    ['2026-03-10T11:48:00.000Z', '12 min'],
    ['2026-03-10T11:00:00.000Z', '1 h'],
    ['2026-03-08T12:00:01.000Z', '47 h'],
    ['2026-03-08T12:00:00.000Z', '2 d'],
    ['2025-03-10T12:00:00.000Z', '365 d'],
  ])('%s → %s', (since, expected) => {
    expect(formatAge(since, now)).toBe(expected);
  });
});
