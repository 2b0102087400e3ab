// Business days for invoice timeliness and available hours: Monday to Friday, minus the
// holidays given ('YYYY-MM-DD'). Days are UTC calendar days, like every date in Threadline.
import { DAY_MS, utcDay } from './kpi-period.ts';

export function isBusinessDay(day: Date, holidays: ReadonlySet<string>): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(utcDay(day));
}

/** Midnight UTC of the day `at` falls on. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/**
 * The day `count` business days after the day of `start` (the start day itself is day 0,
 * whatever it is): Friday + 2 → Tuesday; Saturday + 2 → Tuesday.
 */
export function addBusinessDays(start: Date, count: number, holidays: ReadonlySet<string>): Date {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Business days to add must be a whole number ≥ 0, got ${count}`);
  let day = startOfUtcDay(start);
  for (let added = 0; added < count; ) {
    day = new Date(day.getTime() + DAY_MS);
    if (isBusinessDay(day, holidays)) added++;
  }
  return day;
}

/** Business days in [from, to): the days a person is available in a period. */
export function countBusinessDays(from: Date, to: Date, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = startOfUtcDay(from); day.getTime() < to.getTime(); day = new Date(day.getTime() + DAY_MS)) {
    if (isBusinessDay(day, holidays)) count++;
  }
  return count;
}

export function holidaySet(holidays: readonly string[] | undefined): ReadonlySet<string> {
  return new Set(holidays ?? []);
}
