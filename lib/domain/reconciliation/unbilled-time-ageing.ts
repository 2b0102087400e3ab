// When approved, billable time counts as unbilled for too long (DESIGN.md §8 "unbilled
// approved time older than the billing cadence"). Time is billed per period of the
// engagement's cadence (T&M: the ISO week) by the first run after the period has ended,
// or after the time was approved, whichever is later — late approval is not a billing
// failure. It is overdue when a whole further cadence has passed since then without an
// invoice: the run that should have billed it, and every run for a cycle after, missed it.
// isTimeOverdue is the rule; overdueTimeCutoff is the same rule as two date bounds, so the
// service can select overdue rows with one indexed query.
import { addDays, lastDayOfMonth, yearMonthOf, type IsoDate } from '../periods/calendar-date.ts';
import { isoWeekOf } from '../periods/iso-week.ts';

/** The cadences time is billed by; milestones are billed when they become billable, not by period. */
export type TimeBillingCadence = 'WEEKLY' | 'MONTHLY';

/** One billing cycle, in days; a month counts as its longest. */
export const CADENCE_DAYS: Record<TimeBillingCadence, number> = { WEEKLY: 7, MONTHLY: 31 };

export function isTimeBillingCadence(cadence: string): cadence is TimeBillingCadence {
  return cadence === 'WEEKLY' || cadence === 'MONTHLY';
}

/** The last day of the billing period a work date falls in (Sunday of its ISO week, or month end). */
export function billingPeriodEnd(workDate: IsoDate, cadence: TimeBillingCadence): IsoDate {
  return cadence === 'WEEKLY' ? isoWeekOf(workDate).end : lastDayOfMonth(yearMonthOf(workDate));
}

/** The first day a billing run can bill the entry: after its period, and not before its approval. */
export function billableFrom(entry: { workDate: IsoDate; approvedOn: IsoDate | null }, cadence: TimeBillingCadence): IsoDate {
  const afterPeriod = addDays(billingPeriodEnd(entry.workDate, cadence), 1);
  return entry.approvedOn && entry.approvedOn > afterPeriod ? entry.approvedOn : afterPeriod;
}

export function isTimeOverdue(entry: { workDate: IsoDate; approvedOn: IsoDate | null }, cadence: TimeBillingCadence, asOf: IsoDate): boolean {
  return addDays(billableFrom(entry, cadence), CADENCE_DAYS[cadence]) <= asOf;
}

/** Days the entry is past its billing (0 = due today, negative = not due yet). */
export function daysOverdue(entry: { workDate: IsoDate; approvedOn: IsoDate | null }, cadence: TimeBillingCadence, asOf: IsoDate): number {
  const due = addDays(billableFrom(entry, cadence), CADENCE_DAYS[cadence]);
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}

export interface OverdueTimeCutoff {
  /** Overdue entries have workDate on or before this day… */
  workDateOnOrBefore: IsoDate;
  /** …and were approved on or before this day (or have no approval time). */
  approvedOnOrBefore: IsoDate;
}

/**
 * isTimeOverdue as bounds: overdue ⇔ periodEnd(workDate) + 1 + N ≤ asOf and approvedOn + N ≤ asOf.
 * periodEnd(workDate) ≤ D holds exactly for the work dates up to the last period end on or
 * before D, since period ends only move forward.
 */
export function overdueTimeCutoff(cadence: TimeBillingCadence, asOf: IsoDate): OverdueTimeCutoff {
  const n = CADENCE_DAYS[cadence];
  const latestPeriodEnd = addDays(asOf, -n - 1);
  const end = billingPeriodEnd(latestPeriodEnd, cadence);
  const workDateOnOrBefore = end === latestPeriodEnd ? end : addDays(periodStart(latestPeriodEnd, cadence), -1);
  return { workDateOnOrBefore, approvedOnOrBefore: addDays(asOf, -n) };
}

function periodStart(date: IsoDate, cadence: TimeBillingCadence): IsoDate {
  return cadence === 'WEEKLY' ? isoWeekOf(date).start : `${yearMonthOf(date)}-01`;
}
