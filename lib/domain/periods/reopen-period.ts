// Reopening an accounting month undoes the latest close only: the closed months are always
// the earliest ones (they close in order), so reopening any but the latest would leave an
// open month with closed months after it, and items would post behind the books' back.
// Finance must say why: a reopened month changes figures already reported.
import type { YearMonth } from './calendar-date.ts';
import type { AccountingPeriodInput } from './posting-period.ts';

export type ReopenPeriodResult =
  | { ok: true; period: YearMonth; reason: string }
  | { ok: false; code: 'PERIOD_NOT_FOUND' | 'ALREADY_OPEN' | 'REASON_REQUIRED'; period: YearMonth }
  | { ok: false; code: 'NOT_LATEST_CLOSED'; period: YearMonth; laterClosed: YearMonth[] };

export function reopenPeriod(options: { period: YearMonth; periods: readonly AccountingPeriodInput[]; reason: string }): ReopenPeriodResult {
  const { period, periods } = options;
  const reason = options.reason.trim();
  if (!reason) return { ok: false, code: 'REASON_REQUIRED', period };
  const row = periods.find((p) => p.period === period);
  if (!row) return { ok: false, code: 'PERIOD_NOT_FOUND', period };
  if (row.status === 'OPEN') return { ok: false, code: 'ALREADY_OPEN', period };
  const laterClosed = periods
    .filter((p) => p.status === 'CLOSED' && p.period > period)
    .map((p) => p.period)
    .sort();
  if (laterClosed.length > 0) return { ok: false, code: 'NOT_LATEST_CLOSED', period, laterClosed };
  return { ok: true, period, reason };
}
