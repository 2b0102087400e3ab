// When the demo firm's finance team runs billing and revenue, as business dates and times:
// billing on the 1st (retainer fees due that day), every Sunday evening (the ISO week's
// time and materials, and milestones signed off during the week) and at month end; revenue
// after the month-end billing. The loader stamps each run with its time (X-Simulated-Time),
// so invoices are issued, and revenue recognised, when a firm would have done it. In the
// last billed month finance bills entity by entity, and the entity the tax-engine outage
// meets is billed only at month end, so that run has that month's invoices to tax.
import { addDays, firstDayOfMonth, isoDayOfWeek, lastDayOfMonth, yearMonthOf, type IsoDate, type YearMonth } from '../domain/periods/calendar-date.ts';

const BILLING_HOUR_UTC = 18;
const REVENUE_HOUR_UTC = 19;

/** The days of `month` billing runs for (asOf), in order: the 1st, every Sunday, the last day. */
export function billingRunDays(month: YearMonth): IsoDate[] {
  const days = new Set<IsoDate>([firstDayOfMonth(month)]);
  for (let day = firstDayOfMonth(month); yearMonthOf(day) === month; day = addDays(day, 1)) {
    if (isoDayOfWeek(day) === 7) days.add(day);
  }
  days.add(lastDayOfMonth(month));
  return [...days].sort();
}

export interface BillingRun {
  asOf: IsoDate;
  /** One legal entity; the whole firm when absent. */
  legalEntityCode?: string;
  /** The tax engine is down during this run (planted TAX_ENGINE_UNAVAILABLE). */
  taxOutage: boolean;
}

/** The billing runs of `month`, in order (see the top of this file). */
export function billingRuns(month: YearMonth, options: { lastBilledMonth: boolean; legalEntityCodes: readonly string[]; taxOutageLegalEntity: string }): BillingRun[] {
  const monthEnd = lastDayOfMonth(month);
  return billingRunDays(month).flatMap((asOf): BillingRun[] => {
    if (!options.lastBilledMonth) return [{ asOf, taxOutage: false }];
    return options.legalEntityCodes
      .filter((code) => asOf === monthEnd || code !== options.taxOutageLegalEntity)
      .map((legalEntityCode) => ({ asOf, legalEntityCode, taxOutage: asOf === monthEnd && legalEntityCode === options.taxOutageLegalEntity }));
  });
}

/** The business time finance runs billing for `asOf` (that evening). */
export function billingRunTime(asOf: IsoDate): string {
  return `${asOf}T${String(BILLING_HOUR_UTC).padStart(2, '0')}:00:00Z`;
}

/** The business time finance runs revenue for `asOf`, after that day's billing. */
export function revenueRunTime(asOf: IsoDate): string {
  return `${asOf}T${String(REVENUE_HOUR_UTC).padStart(2, '0')}:00:00Z`;
}
