// Margin and margin variance by engagement (docs/KPIS.md), over the period: revenue
// recognised, approved time × cost rate and approved expenses from the daily facts (USD at
// each amount's own date), and the plan (value − estimated cost, at the quote's acceptance
// date) of the engagements that had any. The headline is the portfolio's margin % (exact
// sums); the breakdown lists the 20 engagements furthest below plan, their figures computed
// by the domain's engagementMargins from those USD sums (the formula, unchanged, on
// aggregated inputs).
import { ratio } from '../../domain/kpis/kpi-value.ts';
import { dec } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { engagementMarginCtes, engagementMarginFigures, marginFactsSql, marginSumsColumns, type EngagementMarginSums } from './engagement-margin-rows.ts';
import { figure, hoursText, moneyIn, ratioText } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { kpiRows } from './kpi-sql.ts';

export const MARGIN_BREAKDOWN_SIZE = 20;

// Per engagement, in SQL (engagement-margin-rows.ts, shared with the engagements list); then
// the portfolio's sums over all of them and the 2 × 20 candidates furthest below plan. Exact
// numeric throughout; JavaScript then orders the candidates with the domain's exact decimals
// and computes their figures. The facts' missing rates are counted from the per-engagement
// sums (a few thousand rows), not the facts again.
const marginSql = (facts: string, n: number) => `
  WITH ${engagementMarginCtes(facts)}
  SELECT 'total' AS kind, NULL AS eid, NULL AS code, sum(revenue)::text AS revenue, sum(cost)::text AS cost, sum(uncosted)::text AS uncosted, sum(expense)::text AS expense,
         sum(planned_revenue) FILTER (WHERE planned_revenue IS NOT NULL AND planned_cost IS NOT NULL)::text AS planned_revenue,
         sum(planned_cost) FILTER (WHERE planned_revenue IS NOT NULL AND planned_cost IS NOT NULL)::text AS planned_cost,
         count(*)::int AS engagements, (SELECT coalesce(sum(missing), 0) FROM actuals)::int + coalesce(sum(plan_missing), 0)::int AS missing
    FROM rows
  UNION ALL
  (SELECT 'candidate', ${marginSumsColumns}, 0, 0
     FROM ranked r ORDER BY r.variance NULLS LAST, r.code LIMIT $${n})`;

interface MarginRow extends EngagementMarginSums {
  kind: 'total' | 'candidate';
  engagements: number;
  missing: number;
}

export async function marginKpi(scope: KpiScope): Promise<KpiFigure> {
  const params: unknown[] = [];
  const facts = await marginFactsSql(scope, params);
  params.push(2 * MARGIN_BREAKDOWN_SIZE);
  const result = await kpiRows<MarginRow>(marginSql(facts, params.length), params);
  const totals = result.find((r) => r.kind === 'total')!;
  const candidates = result
    .filter((r) => r.kind === 'candidate')
    .map((r) => ({ ...r, revenue: dec(r.revenue!), cost: dec(r.cost!), uncosted: dec(r.uncosted!), expense: dec(r.expense!) }));

  // Portfolio totals: exact sums, rounded once when shown.
  const revenue = dec(totals.revenue ?? 0);
  const cost = dec(totals.cost ?? 0).plus(dec(totals.expense ?? 0));
  const margin = revenue.minus(cost);
  const marginPct = ratio(margin, revenue);
  const plannedRevenue = dec(totals.planned_revenue ?? 0);
  const plannedMarginPct = ratio(plannedRevenue.minus(dec(totals.planned_cost ?? 0)), plannedRevenue);

  // The 20 furthest below plan, ranked by the domain's margin-point variance (actual % − planned %)
  // in exact decimals among the SQL's candidates, then computed by the domain itself.
  const variance = (r: (typeof candidates)[number]) => {
    const actual = ratio(r.revenue.minus(r.cost).minus(r.expense), r.revenue);
    const plan = r.planned_cost === null || r.planned_revenue === null ? null : ratio(dec(r.planned_revenue).minus(r.planned_cost), r.planned_revenue);
    return actual === null || plan === null ? null : actual.minus(plan);
  };
  const ranked = candidates
    .map((r) => ({ r, v: variance(r) }))
    .sort((a, b) => (a.v === null ? (b.v === null ? 0 : 1) : b.v === null ? -1 : a.v.comparedTo(b.v)) || a.r.code.localeCompare(b.r.code))
    .slice(0, MARGIN_BREAKDOWN_SIZE)
    .map(({ r }) => r);
  const worst = engagementMarginFigures(
    scope,
    ranked.map((r) => ({ ...r, revenue: r.revenue.toString(), cost: r.cost.toString(), uncosted: r.uncosted.toString(), expense: r.expense.toString() })),
  );

  return figure('margin', scope, {
    value: ratioText(marginPct),
    breakdown: {
      revenue: moneyIn(scope, revenue),
      cost: moneyIn(scope, cost),
      margin: moneyIn(scope, margin),
      marginPct: ratioText(marginPct),
      plannedMarginPct: ratioText(plannedMarginPct),
      marginPctVariance: ratioText(marginPct === null || plannedMarginPct === null ? null : marginPct.minus(plannedMarginPct)),
      uncostedHours: hoursText(dec(totals.uncosted ?? 0)),
      engagements: totals.engagements,
      worstEngagements: worst.map(({ uncostedHours: _hours, ...m }) => m),
    },
    fxMissing: totals.missing,
    money: true,
  });
}
