// Period close (DESIGN.md §6): nothing posts into a CLOSED accounting period. An item
// dated in a closed month goes to the next OPEN month of the legal entity's books and is
// flagged late (LATE_PERIOD_POSTING; Invoice.latePosting, RevenueEntry.late/originalPeriod).
import { yearMonthOf, type IsoDate, type YearMonth } from './calendar-date.ts';

export type AccountingPeriodStatus = 'OPEN' | 'CLOSED';

/** One AccountingPeriod row of a legal entity. */
export interface AccountingPeriodInput {
  period: YearMonth;
  status: AccountingPeriodStatus;
}

export type PostingPeriodResult =
  | { ok: true; period: YearMonth; late: false }
  | { ok: true; period: YearMonth; late: true; originalPeriod: YearMonth; code: 'LATE_PERIOD_POSTING' }
  /**
   * PERIOD_NOT_FOUND: the books have no row for the date's month (the workflow opens it or
   * refuses); NO_OPEN_PERIOD: the month is closed and no later month is open.
   */
  | { ok: false; code: 'PERIOD_NOT_FOUND' | 'NO_OPEN_PERIOD'; originalPeriod: YearMonth };

/** The accounting period ('YYYY-MM') a date belongs to. */
export function periodOf(date: IsoDate): YearMonth {
  return yearMonthOf(date);
}

/** Where an item dated `date` posts, given the legal entity's periods (any order). */
export function postingPeriod(date: IsoDate, periods: readonly AccountingPeriodInput[]): PostingPeriodResult {
  const natural = periodOf(date);
  const own = periods.find((p) => p.period === natural);
  if (!own) return { ok: false, code: 'PERIOD_NOT_FOUND', originalPeriod: natural };
  if (own.status === 'OPEN') return { ok: true, period: natural, late: false };
  const nextOpen = periods
    .filter((p) => p.status === 'OPEN' && p.period > natural)
    .map((p) => p.period)
    .sort()[0];
  if (nextOpen === undefined) return { ok: false, code: 'NO_OPEN_PERIOD', originalPeriod: natural };
  return { ok: true, period: nextOpen, late: true, originalPeriod: natural, code: 'LATE_PERIOD_POSTING' };
}
