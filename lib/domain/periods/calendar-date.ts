// Calendar dates as ISO 8601 strings ('YYYY-MM-DD') and months ('YYYY-MM'): the only
// date shapes the billing and period rules see. Arithmetic goes through Date.UTC, which
// is pure; no time zone, clock or locale ever enters — a date is a day in the books.

/** A calendar date, 'YYYY-MM-DD'. Ordered lexicographically. */
export type IsoDate = string;
/** A calendar month, 'YYYY-MM'. Ordered lexicographically. */
export type YearMonth = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isYearMonth(text: string): boolean {
  const match = MONTH_PATTERN.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Days since 1970-01-01 (negative before). Throws on anything but a real calendar date. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO 8601 day of the week: Monday = 1 … Sunday = 7. */
export function isoDayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function yearMonthOf(date: IsoDate): YearMonth {
  toDayNumber(date);
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: YearMonth): IsoDate {
  assertYearMonth(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: YearMonth): IsoDate {
  assertYearMonth(month);
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
}

/** The month `count` months after (or before, when negative) `month`. */
export function addMonths(month: YearMonth, count: number): YearMonth {
  assertYearMonth(month);
  if (!Number.isSafeInteger(count)) throw new RangeError(`Not a whole number of months: ${count}`);
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function assertYearMonth(month: YearMonth): void {
  if (!isYearMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
}
