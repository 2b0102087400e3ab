// The filters the dashboard's drill-downs add to the invoices, engagements and cash lists
// (docs/KPIS.md "Dashboard drill-downs"): a legal entity or a reporting region
// (LegalEntity.region), and a period of days, both included, read as the KPIs read it —
// [first day 00:00 UTC, day after the last 00:00 UTC).
import { addDays, type IsoDate } from '../../domain/periods/calendar-date.ts';

export interface DayRange {
  from?: IsoDate;
  /** Included. */
  to?: IsoDate;
}

/** A Prisma date filter for the days of `range`, or undefined when it has neither end. */
export function dayRangeWhere(range: DayRange): { gte?: Date; lt?: Date } | undefined {
  if (!range.from && !range.to) return undefined;
  return {
    ...(range.from ? { gte: new Date(`${range.from}T00:00:00Z`) } : {}),
    ...(range.to ? { lt: new Date(`${addDays(range.to, 1)}T00:00:00Z`) } : {}),
  };
}

/** The legal-entity relation filter for a code and/or a region; {} when neither is given. */
export function legalEntityScope(scope: { legalEntityCode?: string; region?: string }): { legalEntity?: { code?: string; region?: string } } {
  if (!scope.legalEntityCode && !scope.region) return {};
  return { legalEntity: { ...(scope.legalEntityCode ? { code: scope.legalEntityCode } : {}), ...(scope.region ? { region: scope.region } : {}) } };
}
