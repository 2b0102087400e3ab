// Closing an accounting month: books close in order, so a month closes only when every
// earlier month of the legal entity is closed, and only after its last day (a month still
// running would refuse this month's invoices the moment it closed). Invoices of the month
// that are not final yet (a DRAFT, or AWAITING_TAX while the tax engine has not answered)
// hold the close: once closed they would post late into the next month for no reason.
import { lastDayOfMonth, type IsoDate, type YearMonth } from './calendar-date.ts';
import type { AccountingPeriodInput } from './posting-period.ts';

/** An invoice (or credit note) of the month that is not issued yet. */
export interface PendingInvoice {
  id: string;
  status: 'DRAFT' | 'AWAITING_TAX';
  engagementCode: string;
}

export type ClosePeriodResult =
  | { ok: true; period: YearMonth }
  | { ok: false; code: 'PERIOD_NOT_FOUND' | 'ALREADY_CLOSED'; period: YearMonth }
  | { ok: false; code: 'PERIOD_NOT_ENDED'; period: YearMonth; endsOn: IsoDate }
  | { ok: false; code: 'EARLIER_PERIOD_OPEN'; period: YearMonth; earlierOpen: YearMonth[] }
  | { ok: false; code: 'PENDING_INVOICES'; period: YearMonth; awaitingTax: PendingInvoice[]; drafts: PendingInvoice[] };

export function closePeriod(options: {
  period: YearMonth;
  periods: readonly AccountingPeriodInput[];
  asOf: IsoDate;
  /** DRAFT and AWAITING_TAX invoices dated in the month; none when omitted. */
  pendingInvoices?: readonly PendingInvoice[];
}): ClosePeriodResult {
  const { period, periods, asOf, pendingInvoices = [] } = options;
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
  if (pendingInvoices.length > 0) {
    const byId = (a: PendingInvoice, b: PendingInvoice) => a.engagementCode.localeCompare(b.engagementCode) || a.id.localeCompare(b.id);
    return {
      ok: false,
      code: 'PENDING_INVOICES',
      period,
      awaitingTax: pendingInvoices.filter((i) => i.status === 'AWAITING_TAX').sort(byId),
      drafts: pendingInvoices.filter((i) => i.status === 'DRAFT').sort(byId),
    };
  }
  return { ok: true, period };
}
