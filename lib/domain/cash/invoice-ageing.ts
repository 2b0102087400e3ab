// Accounts-receivable ageing of an invoice (the finance lead's "how late is it"): an open
// balance is CURRENT until its due date, then 1-30, 31-60, 61-90 or 90+ days past due.
// Settled or never-issued invoices have no bucket. `dueDateRange` turns a bucket into the
// due dates that fall in it on a given day, so a list can filter in SQL on an index.
import { addDays, toDayNumber, type IsoDate } from '../periods/calendar-date.ts';
import { dec, type DecimalInput } from '../money/decimal.ts';

export const AGEING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

const bounds: Record<AgeingBucket, { minDays: number; maxDays: number | null }> = {
  current: { minDays: Number.NEGATIVE_INFINITY, maxDays: 0 },
  '1-30': { minDays: 1, maxDays: 30 },
  '31-60': { minDays: 31, maxDays: 60 },
  '61-90': { minDays: 61, maxDays: 90 },
  '90+': { minDays: 91, maxDays: null },
};

export const ageingBucketLabels: Record<AgeingBucket, string> = {
  current: 'Not yet due',
  '1-30': '1–30 days overdue',
  '31-60': '31–60 days overdue',
  '61-90': '61–90 days overdue',
  '90+': 'Over 90 days overdue',
};

export function isAgeingBucket(value: string): value is AgeingBucket {
  return (AGEING_BUCKETS as readonly string[]).includes(value);
}

/** Whole days past due on `asOf` (negative before the due date). */
export function daysPastDue(dueDate: IsoDate, asOf: IsoDate): number {
  return toDayNumber(asOf) - toDayNumber(dueDate);
}

/**
 * The bucket of an invoice with `balanceDue` open on `asOf`; null when nothing is open.
 * An invoice without a due date (issued without terms) is due on issue, so `dueDate`
 * falls back to `issueDate`; with neither it was never issued and has no age.
 */
export function invoiceAgeingBucket(invoice: { dueDate: IsoDate | null; issueDate: IsoDate | null; balanceDue: DecimalInput }, asOf: IsoDate): AgeingBucket | null {
  if (!dec(invoice.balanceDue).greaterThan(0)) return null;
  const due = invoice.dueDate ?? invoice.issueDate;
  if (due === null) return null;
  const days = daysPastDue(due, asOf);
  return AGEING_BUCKETS.find((bucket) => days >= bounds[bucket].minDays && (bounds[bucket].maxDays === null || days <= bounds[bucket].maxDays))!;
}

/** The due dates (inclusive, null = unbounded) whose invoices are in `bucket` on `asOf`. */
export function dueDateRange(bucket: AgeingBucket, asOf: IsoDate): { from: IsoDate | null; to: IsoDate | null } {
  const { minDays, maxDays } = bounds[bucket];
  return {
    from: maxDays === null ? null : addDays(asOf, -maxDays),
    to: Number.isFinite(minDays) ? addDays(asOf, -minDays) : null,
  };
}
