// Closing an accounting month: books close in order, so a month closes only when every
// earlier month of the legal entity is closed, and only after its last day (a month still
// running would refuse this month's invoices the moment it closed).
import { lastDayOfMonth, type IsoDate, type YearMonth } from './calendar-date.ts';
import type { AccountingPeriodInput } from './posting-period.ts';

export type ClosePeriodResult =
  | { ok: true; period: YearMonth }
  | { ok: false; code: 'PERIOD_NOT_FOUND' | 'ALREADY_CLOSED'; period: YearMonth }
  | { ok: false; code: 'PERIOD_NOT_ENDED'; period: YearMonth; endsOn: IsoDate }
  | { ok: false; code: 'EARLIER_PERIOD_OPEN'; period: YearMonth; earlierOpen: YearMonth[] };

export function closePeriod(options: { period: YearMonth; periods: readonly AccountingPeriodInput[]; asOf: IsoDate }): ClosePeriodResult {
  const { period, periods, asOf } = options;
  const row = periods.find((p) => p.period === period);
  if (!row) return { ok: false, code: 'PERIOD_NOT_FOUND', period };
  // Repeating a close is reported, not silently accepted: the caller decides whether that is success.
  if (row.status === 'CLOSED') return { ok: false, code: 'ALREADY_CLOSED', period };
  const endsOn = lastDayOfMonth(period);
  if (asOf <= endsOn) return { ok: false, code: 'PERIOD_NOT_ENDED', period, endsOn };
  const earlierOpen = periods
    .filter((p) => p.status === 'OPEN' && p.period < period)
    .map((p) => p.period)
    .sort();
  if (earlierOpen.length > 0) return { ok: false, code: 'EARLIER_PERIOD_OPEN', period, earlierOpen };
  return { ok: true, period };
}
