// The scopes a monthly trend series is read over: one for the whole range (the facts are
// read once, summed by month in SQL) and one per month — the same scope the single-period
// KPI would use for that month (its asOf, and the USD → reporting-currency rate of its last
// day), so every point equals GET /api/v1/kpis for that month.
import { seriesMonths } from '../../../domain/kpis/reporting-period.ts';
import type { YearMonth } from '../../../domain/periods/calendar-date.ts';
import { assertWholeDay, resolveKpiScope, type KpiScope } from '../kpi-scope.ts';

export interface SeriesRange {
  scope: KpiScope;
  months: { month: YearMonth; scope: KpiScope }[];
}

export async function resolveSeriesRange(options: { to: Date; months: number; legalEntityCode?: string; region?: string; currency?: string; now: Date }): Promise<SeriesRange> {
  assertWholeDay('to', options.to);
  const months = seriesMonths(options.to, options.months);
  const common = { legalEntityCode: options.legalEntityCode, region: options.region, currency: options.currency, now: options.now };
  const [scope, ...perMonth] = await Promise.all([
    resolveKpiScope({ ...common, from: months[0]!.period.from, to: options.to }),
    ...months.map((m) => resolveKpiScope({ ...common, ...m.period })),
  ]);
  return { scope: scope!, months: months.map((m, i) => ({ month: m.month, scope: perMonth[i]! })) };
}

/** SQL: the UTC calendar month ('YYYY-MM') of a timestamptz column. */
export const utcMonth = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM')`;

/** Values in the range's month order; a month without a row gets `none`. */
export function byMonth<R extends { month: string }, V>(range: SeriesRange, rows: readonly R[], value: (row: R | undefined, scope: KpiScope, index: number) => V): V[] {
  const found = new Map(rows.map((r) => [r.month, r]));
  return range.months.map((m, i) => value(found.get(m.month), m.scope, i));
}
