import { describe, expect, it } from 'vitest';
import { isoWeekDate, isoWeekOf } from './iso-week.ts';

describe('isoWeekOf — published examples', () => {
  it.each([
    // ISO 8601:2000 §5.2.3.1 (complete week-date representation), whose running example
    // day is 12 April 1985: "EXAMPLE 1985-W15-5".
    ['1985-04-12', '1985-W15-5'],
    // ISO 8601 introductions (e.g. the ISO week date article): 31 December 2006 "is written
    // 2006-W52-7"; Monday 30 December 2019 "is written as 2020-W01-1".
    ['2006-12-31', '2006-W52-7'],
    ['2019-12-30', '2020-W01-1'],
    // A widely reproduced ISO 8601 FAQ: 2 August 1953 "may be written … 1953-W31-7".
    ['1953-08-02', '1953-W31-7'],
    // The December 2012 calendar with ISO week numbers: Monday 31 December is in week 1 (of 2013).
    ['2012-12-31', '2013-W01-1'],
  ])('%s is %s', (date, expected) => {
    expect(isoWeekDate(date)).toBe(expected);
  });
});

describe('isoWeekOf — year ends and 53-week years', () => {
  it.each([
    // 2026 starts on a Thursday, so it has 53 weeks; its W53 reaches into 2027.
    { date: '2026-01-01', key: '2026-W01', start: '2025-12-29', end: '2026-01-04' },
    { date: '2025-12-29', key: '2026-W01', start: '2025-12-29', end: '2026-01-04' },
    { date: '2025-12-28', key: '2025-W52', start: '2025-12-22', end: '2025-12-28' },
    { date: '2026-03-30', key: '2026-W14', start: '2026-03-30', end: '2026-04-05' },
    { date: '2026-12-27', key: '2026-W52', start: '2026-12-21', end: '2026-12-27' },
    { date: '2026-12-28', key: '2026-W53', start: '2026-12-28', end: '2027-01-03' },
    { date: '2026-12-31', key: '2026-W53', start: '2026-12-28', end: '2027-01-03' },
    { date: '2027-01-01', key: '2026-W53', start: '2026-12-28', end: '2027-01-03' },
    { date: '2027-01-03', key: '2026-W53', start: '2026-12-28', end: '2027-01-03' },
    { date: '2027-01-04', key: '2027-W01', start: '2027-01-04', end: '2027-01-10' },
    // 2020 is a leap year starting on a Wednesday: 53 weeks too.
    { date: '2020-12-31', key: '2020-W53', start: '2020-12-28', end: '2021-01-03' },
    { date: '2021-01-03', key: '2020-W53', start: '2020-12-28', end: '2021-01-03' },
    // 2024-12-30 (Monday) already belongs to 2025.
    { date: '2024-12-30', key: '2025-W01', start: '2024-12-30', end: '2025-01-05' },
    { date: '2024-02-29', key: '2024-W09', start: '2024-02-26', end: '2024-03-03' },
  ])('$date → $key ($start … $end)', ({ date, key, start, end }) => {
    expect(isoWeekOf(date)).toMatchObject({ key, start, end });
  });

  it('every day of a week maps to the same Monday–Sunday', () => {
    const keys = ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'].map((d) => isoWeekOf(d).key);
    expect(new Set(keys)).toEqual(new Set(['2026-W53']));
  });

  it('refuses what is not a date', () => {
    expect(() => isoWeekOf('2026-02-30')).toThrow(RangeError);
  });
});
