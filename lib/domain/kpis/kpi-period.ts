// The reporting window every KPI is computed over: [from, to) in UTC instants, so adjacent
// periods never count a row twice. Durations are exact decimals of days (ms ÷ 86,400,000).
import { type Decimal, dec } from '../money/decimal.ts';

export interface Period {
  from: Date;
  /** Exclusive: 2026-04-01T00:00Z means "through 31 March". */
  to: Date;
}

export const DAY_MS = 86_400_000;

export function assertPeriod(period: Period): void {
  if (!(period.from.getTime() < period.to.getTime())) throw new RangeError('A KPI period must end after it starts');
}

export function inPeriod(at: Date | null | undefined, period: Period): at is Date {
  return at instanceof Date && at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();
}

/** Before the period's end: what had happened "at period end". */
export function before(at: Date | null | undefined, instant: Date): at is Date {
  return at instanceof Date && at.getTime() < instant.getTime();
}

/** end − start in days, exact (negative when end is earlier). */
export function daysBetween(start: Date, end: Date): Decimal {
  return dec(end.getTime() - start.getTime()).dividedBy(DAY_MS);
}

export function periodDays(period: Period): Decimal {
  return daysBetween(period.from, period.to);
}

/** Whole calendar days (UTC) from one date to another: the age of a dated row. */
export function calendarDaysBetween(start: Date, end: Date): number {
  const day = (d: Date) => Math.floor(d.getTime() / DAY_MS);
  return day(end) - day(start);
}

/** The UTC calendar day of an instant, as 'YYYY-MM-DD'. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

