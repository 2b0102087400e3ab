// Margin by engagement over a KPI scope: the one definition the margin KPI and the engagements
// list (sorted or not by margin variance) both read, so a figure on the list is the KPI's for
// that engagement. In SQL, per engagement with time cost, expenses or revenue in the period
// (the daily facts, USD at each amount's own date): the actuals, the plan (value and
// estimated cost at the quote's acceptance date's rate) and — with revenue and a plan — the
// margin-point variance (actual % − planned %), the KPI's ranking. The figures are then
// computed by the domain's engagementMargins from those USD sums (the formula, unchanged, on
// aggregated inputs).
import { engagementMargins, type EngagementMargin } from '../../domain/kpis/engagement-margin.ts';
import { dec } from '../../domain/money/decimal.ts';
import { factsSql } from './facts/read-facts.ts';
import { revenueFacts } from './facts/revenue-facts.ts';
import { timeFacts } from './facts/time-facts.ts';
import { hoursText, moneyIn, ratioText } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { fxJoin, inUsd, usdRates, utcDay } from './kpi-sql.ts';

/** The facts the margin adds up, as one subquery; its parameters go onto `params`. */
export async function marginFactsSql(scope: KpiScope, params: unknown[]): Promise<string> {
  const days = { firstDay: scope.firstDay, lastDay: scope.lastDay };
  const costs = await factsSql(scope, { family: timeFacts, metrics: ['time.cost'], ...days }, params);
  const earned = await factsSql(scope, { family: revenueFacts, ...days }, params);
  return `(SELECT * FROM ${costs} c UNION ALL SELECT * FROM ${earned} r)`;
}

/**
 * The CTEs (after WITH) ending in `ranked`: one row per engagement — eid (text), code, revenue,
 * cost, uncosted (hours), expense, planned_revenue, planned_cost (USD), plan_missing, missing,
 * variance (margin points; null without revenue or plan) — and `actuals` for the facts' missing rates.
 */
export const engagementMarginCtes = (facts: string) => `
  f AS ${facts},
  actuals AS (
    SELECT key AS eid,
           coalesce(sum(amount) FILTER (WHERE metric = 'revenue.recognized'), 0) AS revenue,
           coalesce(sum(amount) FILTER (WHERE metric = 'time.cost'), 0) AS cost,
           coalesce(sum(hours) FILTER (WHERE metric = 'time.cost'), 0) AS uncosted,
           coalesce(sum(amount) FILTER (WHERE metric = 'expense.approved'), 0) AS expense,
           sum(missing) AS missing
      FROM f GROUP BY key
  ),
  src AS (
    SELECT a.*, e.code, e.currency, ${utcDay('coalesce(e."quoteAcceptedAt", e."createdAt")')} AS day, e.value, e."estimatedCost"
      FROM actuals a JOIN "Engagement" e ON e.id = a.eid::uuid
  ), ${usdRates('src')},
  rows AS (
    SELECT src.eid, src.code, src.revenue, src.cost, src.uncosted, src.expense,
           ${inUsd('src', 'src.value')} AS planned_revenue, ${inUsd('src', 'src."estimatedCost"')} AS planned_cost,
           (src.currency <> 'USD' AND fx.rate IS NULL)::int AS plan_missing
      FROM src ${fxJoin('src')}
  ),
  ranked AS (
    SELECT rows.*, CASE WHEN revenue <> 0 AND planned_revenue <> 0 AND planned_cost IS NOT NULL
                        THEN (revenue - cost - expense) / revenue - (planned_revenue - planned_cost) / planned_revenue END AS variance
      FROM rows
  )`;

/** The per-engagement sums as text, for a SELECT from `ranked r`. */
export const marginSumsColumns = `r.eid, r.code, r.revenue::text AS revenue, r.cost::text AS cost, r.uncosted::text AS uncosted, r.expense::text AS expense,
  r.planned_revenue::text AS planned_revenue, r.planned_cost::text AS planned_cost`;

export interface EngagementMarginSums {
  eid: string;
  code: string;
  revenue: string | null;
  cost: string | null;
  uncosted: string | null;
  expense: string | null;
  planned_revenue: string | null;
  planned_cost: string | null;
}

/** One engagement's margin as the KPI shows it: money in the scope's currency, ratios to 6 decimals. */
export interface EngagementMarginFigure {
  engagementId: string;
  code: string;
  revenue: string;
  cost: string;
  margin: string;
  marginPct: string | null;
  plannedMarginPct: string | null;
  marginPctVariance: string | null;
  marginVariance: string | null;
  uncostedHours: string;
}

/** The domain's figures for the given sums, in the order given. */
export function engagementMarginFigures(scope: KpiScope, sums: readonly EngagementMarginSums[]): EngagementMarginFigure[] {
  const rows = sums.map((r) => ({ ...r, revenue: dec(r.revenue ?? 0), cost: dec(r.cost ?? 0), uncosted: dec(r.uncosted ?? 0), expense: dec(r.expense ?? 0) }));
  const order = new Map(rows.map((r, i) => [r.eid, i]));
  const on = scope.period.from;
  const usd = { currency: 'USD' as const };
  const margins = engagementMargins({
    engagements: rows.map((r) => ({ id: r.eid, code: r.code, ...usd, value: r.planned_revenue ?? '0', estimatedCost: r.planned_cost, plannedAt: on })),
    revenue: rows.map((r) => ({ engagementId: r.eid, amount: r.revenue, ...usd, recognizedOn: on })),
    time: rows.flatMap((r) => [
      // USD sums stand in for hours × rate: hours = the cost, rate 1; uncosted hours carry no rate.
      { engagementId: r.eid, hours: r.cost, costRate: '1', costCurrency: 'USD', workDate: on, approvalStatus: 'APPROVED' as const, superseded: false },
      { engagementId: r.eid, hours: r.uncosted, costRate: null, costCurrency: null, workDate: on, approvalStatus: 'APPROVED' as const, superseded: false },
    ]),
    expenses: rows.map((r) => ({ engagementId: r.eid, amount: r.expense, ...usd, expenseDate: on, approvalStatus: 'APPROVED' as const })),
    toGroupCurrency: () => {
      throw new Error('Every amount was converted to USD in SQL');
    },
    period: scope.period,
  }).sort((a, b) => order.get(a.engagementId)! - order.get(b.engagementId)!);
  return margins.map((m) => figureOf(scope, m));
}

function figureOf(scope: KpiScope, m: EngagementMargin): EngagementMarginFigure {
  return {
    engagementId: m.engagementId,
    code: m.code,
    revenue: moneyIn(scope, m.revenue),
    cost: moneyIn(scope, m.cost),
    margin: moneyIn(scope, m.margin),
    marginPct: ratioText(m.marginPct),
    plannedMarginPct: ratioText(m.plannedMarginPct),
    marginPctVariance: ratioText(m.marginPctVariance),
    marginVariance: m.marginVariance === null ? null : moneyIn(scope, m.marginVariance),
    uncostedHours: hoursText(m.uncostedHours),
  };
}
