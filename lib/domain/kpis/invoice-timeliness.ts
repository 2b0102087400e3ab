// Invoice timeliness (DESIGN.md §10): the share of invoices posted within 2 business days
// of billing eligibility. Population: invoices that became eligible in the period
// (Invoice.eligibleAt). On time: posted (Invoice.postedAt, the ERP's confirmation) on or
// before the 2nd business day after the eligibility day. Not posted yet: late once that
// day is over at `asOf`, otherwise pending and left out of the ratio — it can still make
// it. An invoice voided before it was ever posted is no longer one to post.
import type { InvoiceKind } from '../../db/generated/enums.ts';
import type { Decimal } from '../money/decimal.ts';
import { addBusinessDays, holidaySet } from './business-days.ts';
import { DAY_MS, assertPeriod, inPeriod, type Period } from './kpi-period.ts';
import { ratio } from './kpi-value.ts';

export const DEFAULT_POSTING_BUSINESS_DAYS = 2;

export interface TimelinessInvoiceRow {
  id: string;
  kind: InvoiceKind;
  eligibleAt: Date | null;
  postedAt: Date | null;
  voidedAt: Date | null;
}

export interface InvoiceTimeliness {
  onTime: number;
  late: number;
  /** Not posted and still inside the window: not counted either way. */
  pending: number;
  /** onTime ÷ (onTime + late); null when none. */
  ratio: Decimal | null;
  lateInvoiceIds: string[];
}

export function invoiceTimeliness(options: {
  invoices: readonly TimelinessInvoiceRow[];
  period: Period;
  asOf: Date;
  /** 'YYYY-MM-DD' days that are not business days. */
  holidays?: readonly string[];
  withinBusinessDays?: number;
}): InvoiceTimeliness {
  const { invoices, period, asOf, withinBusinessDays = DEFAULT_POSTING_BUSINESS_DAYS } = options;
  assertPeriod(period);
  const holidays = holidaySet(options.holidays);
  const result: InvoiceTimeliness = { onTime: 0, late: 0, pending: 0, ratio: null, lateInvoiceIds: [] };
  for (const invoice of invoices) {
    if (invoice.kind !== 'INVOICE' || !inPeriod(invoice.eligibleAt, period)) continue;
    if (invoice.voidedAt && !invoice.postedAt) continue;
    // The whole of the deadline day counts: [eligible day + N business days, next midnight).
    const deadlineEnd = addBusinessDays(invoice.eligibleAt, withinBusinessDays, holidays).getTime() + DAY_MS;
    if (invoice.postedAt && invoice.postedAt.getTime() < deadlineEnd) result.onTime++;
    else if (invoice.postedAt || asOf.getTime() >= deadlineEnd) {
      result.late++;
      result.lateInvoiceIds.push(invoice.id);
    } else result.pending++;
  }
  result.ratio = ratio(result.onTime, result.onTime + result.late);
  return result;
}
