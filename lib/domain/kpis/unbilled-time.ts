// Unbilled approved time and unapproved time (DESIGN.md §10), from TimeTransaction rows.
// Unbilled approved: billable, APPROVED, not superseded, no invoice line (invoiceLineId
// null) and not written off — the money delivered and not yet invoiced, aged by work date at `asOf` in the
// buckets 0–7, 8–30, 31–60, 61–90 and over 90 days. Unapproved: SUBMITTED and not
// superseded — time that cannot be billed until someone approves it. Amounts are the
// priced amount (hours × rate applied) in the group currency at the work date's rate.
import type { ApprovalStatus } from '../../db/generated/enums.ts';
import { ZERO, dec, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { roundGroup, toGroup, type ToGroupCurrency } from './group-currency-conversion.ts';
import { calendarDaysBetween } from './kpi-period.ts';

export interface TimeRow {
  id: string;
  engagementId: string;
  workDate: Date;
  hours: DecimalInput;
  billable: boolean;
  approvalStatus: ApprovalStatus;
  superseded: boolean;
  invoiceLineId: string | null;
  /** The write-off FINANCE decided (never billed, out of unbilled time); absent = none. */
  timeWriteOffId?: string | null;
  /** hours × rate applied; null when not priced (non-billable). */
  amount: DecimalInput | null;
  currency: string;
}

export const AGE_BUCKETS = [
  { label: '0-7', maxDays: 7 },
  { label: '8-30', maxDays: 30 },
  { label: '31-60', maxDays: 60 },
  { label: '61-90', maxDays: 90 },
  { label: '>90', maxDays: Number.POSITIVE_INFINITY },
] as const;
export type AgeBucketLabel = (typeof AGE_BUCKETS)[number]['label'];

/** The bucket of an age in whole days; time dated after asOf counts as 0 days old. */
export function ageBucket(ageDays: number): AgeBucketLabel {
  return AGE_BUCKETS.find((bucket) => Math.max(ageDays, 0) <= bucket.maxDays)!.label;
}

export interface TimeTotals {
  entries: number;
  hours: Decimal;
  /** Group currency, rounded to cents. */
  amount: Decimal;
}

export function isUnbilledApproved(row: TimeRow): boolean {
  return row.billable && row.approvalStatus === 'APPROVED' && !row.superseded && row.invoiceLineId === null && !row.timeWriteOffId;
}

export function unbilledApprovedTime(options: { time: readonly TimeRow[]; asOf: Date; toGroupCurrency: ToGroupCurrency }): TimeTotals & { buckets: ({ label: AgeBucketLabel } & TimeTotals)[] } {
  const { time, asOf, toGroupCurrency } = options;
  const buckets = new Map(AGE_BUCKETS.map((bucket) => [bucket.label, { entries: 0, hours: ZERO, amount: ZERO }]));
  for (const row of time) {
    if (!isUnbilledApproved(row) || row.workDate.getTime() >= asOf.getTime()) continue;
    const bucket = buckets.get(ageBucket(calendarDaysBetween(row.workDate, asOf)))!;
    bucket.entries++;
    bucket.hours = bucket.hours.plus(dec(row.hours));
    bucket.amount = bucket.amount.plus(toGroup(toGroupCurrency, row.amount ?? 0, row.currency, row.workDate));
  }
  const list = [...buckets.entries()].map(([label, totals]) => ({ label, ...totals, amount: roundGroup(totals.amount) }));
  return {
    entries: list.reduce((n, b) => n + b.entries, 0),
    hours: list.reduce((h, b) => h.plus(b.hours), ZERO),
    amount: roundGroup(list.reduce((a, b) => a.plus(b.amount), ZERO)),
    buckets: list,
  };
}

export function unapprovedTime(options: { time: readonly TimeRow[]; toGroupCurrency: ToGroupCurrency }): TimeTotals {
  let totals = { entries: 0, hours: ZERO, amount: ZERO };
  for (const row of options.time) {
    if (row.approvalStatus !== 'SUBMITTED' || row.superseded) continue;
    totals = {
      entries: totals.entries + 1,
      hours: totals.hours.plus(dec(row.hours)),
      amount: totals.amount.plus(toGroup(options.toGroupCurrency, row.amount ?? 0, row.currency, row.workDate)),
    };
  }
  return { ...totals, amount: roundGroup(totals.amount) };
}
