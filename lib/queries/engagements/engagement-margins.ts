// The margin figures of the engagements list: the margin KPI's own per-engagement reading
// (lib/queries/kpis/engagement-margin-rows.ts) over the list's margin period, legal entity,
// region and currency — so a list sorted by margin variance lists exactly the engagements the
// KPI counts, with the KPI's figures. Sorted, the page is a keyset range of that reading:
// (margin-point variance, id), either direction, engagements without a variance last.
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { addDays } from '../../domain/periods/calendar-date.ts';
import { engagementMarginCtes, engagementMarginFigures, marginFactsSql, marginSumsColumns, type EngagementMarginFigure, type EngagementMarginSums } from '../kpis/engagement-margin-rows.ts';
import { resolveKpiScope, type KpiScope } from '../kpis/kpi-scope.ts';
import { kpiRows } from '../kpis/kpi-sql.ts';

export interface MarginPeriodOptions {
  /** First and last day of the margin figures (both included); default the KPIs' 90 days through today. */
  marginFrom?: IsoDate;
  marginTo?: IsoDate;
  legalEntityCode?: string;
  region?: string;
  currency?: string;
  now?: Date;
}

export interface MarginPeriod {
  from: IsoDate;
  to: IsoDate;
  currency: string;
  legalEntityCode: string | null;
  region: string | null;
}

const startOf = (day: IsoDate) => new Date(`${day}T00:00:00.000Z`);

/** The KPI scope of the list's margin figures (400 for an unknown entity, region or currency, as the KPIs answer). */
export async function marginScope(options: MarginPeriodOptions): Promise<KpiScope> {
  return resolveKpiScope({
    from: options.marginFrom ? startOf(options.marginFrom) : undefined,
    to: options.marginTo ? startOf(addDays(options.marginTo, 1)) : undefined,
    legalEntityCode: options.legalEntityCode,
    region: options.region,
    currency: options.currency,
    now: options.now ?? new Date(),
  });
}

export const marginPeriodOf = (scope: KpiScope): MarginPeriod => ({ from: scope.firstDay, to: scope.lastDay, currency: scope.currency, legalEntityCode: scope.legalEntityCode, region: scope.region });

/** The KPI's figures of these engagements (absent: the KPI does not count it in the period). */
export async function marginsOf(scope: KpiScope, engagementIds: readonly string[]): Promise<Map<string, EngagementMarginFigure>> {
  if (engagementIds.length === 0) return new Map();
  const params: unknown[] = [];
  const facts = await marginFactsSql(scope, params);
  params.push(engagementIds);
  const rows = await kpiRows<EngagementMarginSums>(`WITH ${engagementMarginCtes(facts)} SELECT ${marginSumsColumns} FROM ranked r WHERE r.eid = ANY($${params.length}::text[])`, params);
  return new Map(engagementMarginFigures(scope, rows).map((m) => [m.engagementId, m]));
}

export interface MarginKey {
  variance: string | null;
  id: string;
}

/**
 * One keyset page of the KPI's engagements by margin-point variance: `limit` rows after `after`,
 * among `engagementIds` when given (the list's other filters), with their figures.
 */
export async function marginPage(
  scope: KpiScope,
  options: { direction: 'asc' | 'desc'; after?: MarginKey; limit: number; engagementIds: readonly string[] | null },
): Promise<{ key: MarginKey; figure: EngagementMarginFigure }[]> {
  const params: unknown[] = [];
  const facts = await marginFactsSql(scope, params);
  const p = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (options.engagementIds) where.push(`r.eid = ANY(${p(options.engagementIds)}::text[])`);
  const beyond = options.direction === 'asc' ? '>' : '<';
  if (options.after) {
    const id = p(options.after.id);
    // Nulls come last in both directions: after a null only nulls with a further id; after a value, greater values, equal ones with a further id, then every null.
    if (options.after.variance === null) where.push(`r.variance IS NULL AND r.eid::uuid ${beyond} ${id}::uuid`);
    else {
      const v = p(options.after.variance);
      where.push(`(r.variance ${beyond} ${v}::numeric OR (r.variance = ${v}::numeric AND r.eid::uuid ${beyond} ${id}::uuid) OR r.variance IS NULL)`);
    }
  }
  const order = options.direction === 'asc' ? 'ASC' : 'DESC';
  const sql = `WITH ${engagementMarginCtes(facts)}
    SELECT ${marginSumsColumns}, r.variance::text AS variance FROM ranked r
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY r.variance ${order} NULLS LAST, r.eid::uuid ${order} LIMIT ${p(options.limit)}`;
  const rows = await kpiRows<EngagementMarginSums & { variance: string | null }>(sql, params);
  const figures = engagementMarginFigures(scope, rows);
  return rows.map((row, i) => ({ key: { variance: row.variance, id: row.eid }, figure: figures[i]! }));
}
