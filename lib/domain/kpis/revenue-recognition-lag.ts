// Revenue-recognition lag (DESIGN.md §10): recognised − eligible, in days, averaged over the
// revenue entries recognised in the period. "Eligible" is RevenueEntry.eligibleAt (the
// earliest eligibility the entry covers: approved time, a month started, usage recorded,
// cost incurred); "recognised" is when the entry was booked (RevenueEntry.createdAt).
// Reversals are corrections, not recognition, and are left out.
import type { RevenueEntryKind } from '../../db/generated/enums.ts';
import type { Decimal } from '../money/decimal.ts';
import { assertPeriod, daysBetween, inPeriod, type Period } from './kpi-period.ts';
import { maximum, mean } from './kpi-value.ts';
import { percentile } from './percentile.ts';

export interface RevenueLagEntryRow {
  id: string;
  kind: RevenueEntryKind;
  eligibleAt: Date | null;
  recognizedAt: Date;
}

export interface RevenueRecognitionLag {
  entries: number;
  averageDays: Decimal | null;
  p90Days: Decimal | null;
  maxDays: Decimal | null;
  /** Entries recognised in the period without an eligibility date: not measurable. */
  unmeasured: number;
}

export function revenueRecognitionLag(options: { entries: readonly RevenueLagEntryRow[]; period: Period }): RevenueRecognitionLag {
  const { entries, period } = options;
  assertPeriod(period);
  const lags: Decimal[] = [];
  let unmeasured = 0;
  for (const entry of entries) {
    if (entry.kind === 'REVERSAL' || !inPeriod(entry.recognizedAt, period)) continue;
    if (entry.eligibleAt) lags.push(daysBetween(entry.eligibleAt, entry.recognizedAt));
    else unmeasured++;
  }
  return { entries: lags.length, averageDays: mean(lags), p90Days: percentile(lags, 0.9), maxDays: maximum(lags), unmeasured };
}
