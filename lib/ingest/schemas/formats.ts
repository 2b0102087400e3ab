// Date and time formats of the ingest contract, checked as real calendar values (a regex
// alone lets 2025-02-30 through). Pure predicates, shared by the envelope and the schemas.

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * RFC 3339 date-time ("2026-03-31T17:45:00Z", "…+05:30", fraction up to nanoseconds).
 * Leap seconds (:60) are refused: JavaScript's Date cannot represent them, so the
 * workflow could not store them. Lower-case t/z are allowed (RFC 3339 §5.6) and Date reads them.
 */
export function isRfc3339Timestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (offsetHour !== undefined && (Number(offsetHour) > 23 || Number(offsetMinute) > 59)) return false;
  return true;
}

/** A calendar date as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** An accounting or usage period as YYYY-MM. */
export function isYearMonth(value: string): boolean {
  return YEAR_MONTH.test(value);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
