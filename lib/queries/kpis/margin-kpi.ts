// Margin and margin variance by engagement (docs/KPIS.md), over the period: revenue
// recognised, approved time × cost rate and approved expenses from the daily facts (USD at
// each amount's own date), and the plan (value − estimated cost, at the quote's acceptance
// date) of the engagements that had any. The headline is the portfolio's margin % (exact
// sums); the breakdown lists the 20 engagements furthest below plan, their figures computed
// by the domain's engagementMargins from those USD sums (the formula, unchanged, on
// aggregated inputs).
import { engagementMargins } from '../../domain/kpis/engagement-margin.ts';
import { ratio } from '../../domain/kpis/kpi-value.ts';
import { dec } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { factsSql } from './facts/read-facts.ts';
import { revenueFacts } from './facts/revenue-facts.ts';
import { timeFacts } from './facts/time-facts.ts';
import { figure, hoursText, moneyIn, ratioText } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { fxJoin, inUsd, kpiRows, usdRates, utcDay } from './kpi-sql.ts';

export const MARGIN_BREAKDOWN_SIZE = 20;

// Per engagement, in SQL: the actuals (sums of its facts), the plan (value and estimated cost
// at the quote's acceptance date's rate) and — for the engagements that have both revenue and
// a plan — the margin-point variance; then the portfolio's sums over all of them and the
// 2 × 20 candidates furthest below plan. Exact numeric throughout; JavaScript then orders the
// candidates with the domain's exact decimals and computes their figures. The facts' missing
// rates are counted from the per-engagement sums (a few thousand rows), not the facts again.
const marginSql = (facts: string, n: number) => `
  WITH f AS ${facts},
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
  )
  SELECT 'total' AS kind, NULL AS eid, NULL AS code, sum(revenue)::text AS revenue, sum(cost)::text AS cost, sum(uncosted)::text AS uncosted, sum(expense)::text AS expense,
         sum(planned_revenue) FILTER (WHERE planned_revenue IS NOT NULL AND planned_cost IS NOT NULL)::text AS planned_revenue,
         sum(planned_cost) FILTER (WHERE planned_revenue IS NOT NULL AND planned_cost IS NOT NULL)::text AS planned_cost,
         count(*)::int AS engagements, (SELECT coalesce(sum(missing), 0) FROM actuals)::int + coalesce(sum(plan_missing), 0)::int AS missing
    FROM rows
  UNION ALL
  (SELECT 'candidate', eid, code, revenue::text, cost::text, uncosted::text, expense::text, planned_revenue::text, planned_cost::text, 0, 0
     FROM ranked ORDER BY ranked.variance NULLS LAST, ranked.code LIMIT $${n})`;

interface MarginRow {
  kind: 'total' | 'candidate';
  eid: string;
  code: string;
  revenue: string | null;
  cost: string | null;
  uncosted: string | null;
  expense: string | null;
  planned_revenue: string | null;
  planned_cost: string | null;
  engagements: number;
  missing: number;
}

export async function marginKpi(scope: KpiScope): Promise<KpiFigure> {
  const days = { firstDay: scope.firstDay, lastDay: scope.lastDay };
  const params: unknown[] = [];
  const costs = await factsSql(scope, { family: timeFacts, metrics: ['time.cost'], ...days }, params);
  const earned = await factsSql(scope, { family: revenueFacts, ...days }, params);
  params.push(2 * MARGIN_BREAKDOWN_SIZE);
  const result = await kpiRows<MarginRow>(marginSql(`(SELECT * FROM ${costs} c UNION ALL SELECT * FROM ${earned} r)`, params.length), params);
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
  const order = new Map(ranked.map((r, i) => [r.eid, i]));
  const on = scope.period.from;
  const usd = { currency: 'USD' as const };
  const worst = engagementMargins({
    engagements: ranked.map((r) => ({ id: r.eid, code: r.code, ...usd, value: r.planned_revenue ?? '0', estimatedCost: r.planned_cost, plannedAt: on })),
    revenue: ranked.map((r) => ({ engagementId: r.eid, amount: r.revenue, ...usd, recognizedOn: on })),
    time: ranked.flatMap((r) => [
      // USD sums stand in for hours × rate: hours = the cost, rate 1; uncosted hours carry no rate.
      { engagementId: r.eid, hours: r.cost, costRate: '1', costCurrency: 'USD', workDate: on, approvalStatus: 'APPROVED' as const, superseded: false },
      { engagementId: r.eid, hours: r.uncosted, costRate: null, costCurrency: null, workDate: on, approvalStatus: 'APPROVED' as const, superseded: false },
    ]),
    expenses: ranked.map((r) => ({ engagementId: r.eid, amount: r.expense, ...usd, expenseDate: on, approvalStatus: 'APPROVED' as const })),
    toGroupCurrency: () => {
      throw new Error('Every amount was converted to USD in SQL');
    },
    period: scope.period,
  }).sort((a, b) => order.get(a.engagementId)! - order.get(b.engagementId)!);

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
      worstEngagements: worst.map((m) => ({
        engagementId: m.engagementId,
        code: m.code,
        revenue: moneyIn(scope, m.revenue),
        cost: moneyIn(scope, m.cost),
        margin: moneyIn(scope, m.margin),
        marginPct: ratioText(m.marginPct),
        plannedMarginPct: ratioText(m.plannedMarginPct),
        marginPctVariance: ratioText(m.marginPctVariance),
        marginVariance: m.marginVariance === null ? null : moneyIn(scope, m.marginVariance),
      })),
    },
    fxMissing: totals.missing,
    money: true,
  });
}
