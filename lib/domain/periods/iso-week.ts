// ISO 8601 week dates: weeks run Monday–Sunday and week 01 of a year is the week holding
// its first Thursday, so the first and last days of a calendar year can belong to the
// neighbouring ISO year (2027-01-01 is in 2026-W53). T&M is billed per ISO week.
import { addDays, isoDayOfWeek, toDayNumber, type IsoDate } from './calendar-date.ts';

export interface IsoWeek {
  /** The ISO week-numbering year, which differs from the calendar year near 1 January. */
  year: number;
  week: number;
  /** 'YYYY-Www', e.g. '2026-W14' — Invoice.billingPeriodKey of a T&M week. */
  key: string;
  /** Monday. */
  start: IsoDate;
  /** Sunday. */
  end: IsoDate;
}

export function isoWeekOf(date: IsoDate): IsoWeek {
  const dayOfWeek = isoDayOfWeek(date);
  // The week belongs to the year its Thursday falls in.
  const thursday = addDays(date, 4 - dayOfWeek);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = toDayNumber(thursday) - toDayNumber(`${thursday.slice(0, 4)}-01-01`) + 1;
  const week = Math.floor((dayOfYear - 1) / 7) + 1;
  return {
    year,
    week,
    key: `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`,
    start: addDays(date, 1 - dayOfWeek),
    end: addDays(date, 7 - dayOfWeek),
  };
}

/** The ISO week-date of a day, 'YYYY-Www-D' (ISO 8601 extended format). */
export function isoWeekDate(date: IsoDate): string {
  return `${isoWeekOf(date).key}-${isoDayOfWeek(date)}`;
}
