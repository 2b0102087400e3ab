import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, isoDayOfWeek, lastDayOfMonth, yearMonthOf } from './calendar-date.ts';

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-04-31', false],
  ])('isIsoDate(%s) = %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 30, '2026-03-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-06-02', 0, '2026-06-02'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-03-30', 1],
    ['2026-04-05', 7],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ])('isoDayOfWeek(%s) = %i', (date, expected) => {
    expect(isoDayOfWeek(date)).toBe(expected);
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', 24, '2028-03'],
  ])('%s + %i months = %s', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });

  it('month ends and months of dates', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(yearMonthOf('2026-12-31')).toBe('2026-12');
    expect(() => yearMonthOf('2026-12')).toThrow(RangeError);
  });
});
