import { describe, expect, it } from 'vitest';
import { isIsoDate, isRfc3339Timestamp, isYearMonth } from './formats.ts';

describe('isRfc3339Timestamp', () => {
  it.each([
    ['2026-03-31T17:45:00Z', true],
    ['2026-03-31T17:45:00.5+05:30', true],
    ['2026-03-31t17:45:00z', true],
    ['2024-02-29T23:59:59-12:00', true],
    ['2025-02-29T00:00:00Z', false],
    ['2026-03-31T17:45:00', false],
    ['2026-03-31 17:45:00Z', false],
    ['2026-03-31T17:45Z', false],
    ['2026-03-31T23:59:60Z', false],
    ['2026-03-31T17:45:00+0530', false],
    ['2026-03-31T17:45:00.Z', false],
    ['+002026-03-31T17:45:00Z', false],
  ])('%s → %s', (value, expected) => {
    expect(isRfc3339Timestamp(value)).toBe(expected);
  });

  it('every accepted timestamp is one JavaScript can read', () => {
    for (const value of ['2026-03-31t17:45:00z', '2026-03-31T17:45:00.123456789+05:30', '0001-01-01T00:00:00Z']) {
      expect(Number.isNaN(Date.parse(value))).toBe(false);
    }
  });
});

describe('isIsoDate and isYearMonth', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['2026-12-31', true],
  ])('isIsoDate(%s) → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2026-03', true],
    ['2026-00', false],
    ['2026-13', false],
    ['2026-3', false],
  ])('isYearMonth(%s) → %s', (value, expected) => {
    expect(isYearMonth(value)).toBe(expected);
  });
});
