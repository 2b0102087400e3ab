// Margin and margin variance by engagement (docs/KPIS.md), over the period: revenue
// recognised, approved time × cost rate and approved expenses from the daily facts (USD at
// each amount's own date), and the plan (value − estimated cost, at the quote's acceptance
// date) of the engagements that had any. The headline is the portfolio's margin % (exact
// sums); the breakdown lists the 20 engagements furthest below plan, their figures computed
// by the domain's engagementMargins from those USD sums (the formula, unchanged, on
// aggregated inputs).
import { engagementMargins } from '../../domain/kpis/engagement-margin.ts';
import { ratio } from '../../domain/kpis/kpi-value.ts';
import { ZERO, dec, type Decimal } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { readFacts } from './facts/read-facts.ts';
import { revenueFacts } from './facts/revenue-facts.ts';
import { timeFacts } from './facts/time-facts.ts';
import { figure, hoursText, moneyIn, ratioText } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { fxJoin, inUsd, kpiRows, usdRates, utcDay } from './kpi-sql.ts';

export const MARGIN_BREAKDOWN_SIZE = 20;

const PLAN_SQL = `
  WITH src AS (SELECT id::text AS eid, code, currency, ${utcDay('coalesce("quoteAcceptedAt", "createdAt")')} AS day, value, "estimatedCost" FROM "Engagement" WHERE id = ANY($1::uuid[])), ${usdRates('src')}
  SELECT src.eid, src.code, (${inUsd('src', 'src.value')})::text AS planned_revenue, (${inUsd('src', 'src."estimatedCost"')})::text AS planned_cost,
         (src.currency <> 'USD' AND fx.rate IS NULL)::int AS missing
    FROM src ${fxJoin('src')}`;

interface Actuals {
  revenue: Decimal;
  cost: Decimal;
  uncosted: Decimal;
  expense: Decimal;
}

export async function marginKpi(scope: KpiScope): Promise<KpiFigure> {
  const days = { firstDay: scope.firstDay, lastDay: scope.lastDay };
  const [costs, earned] = await Promise.all([readFacts(scope, { family: timeFacts, ...days }).then((facts) => facts.filter((f) => f.metric === 'time.cost')), readFacts(scope, { family: revenueFacts, ...days })]);
  const actuals = new Map<string, Actuals>();
  const of = (id: string) => actuals.get(id) ?? actuals.set(id, { revenue: ZERO, cost: ZERO, uncosted: ZERO, expense: ZERO }).get(id)!;
  for (const f of costs) Object.assign(of(f.key), { cost: of(f.key).cost.plus(f.amount), uncosted: of(f.key).uncosted.plus(f.hours) });
  for (const f of earned) {
    if (f.metric === 'revenue.recognized') of(f.key).revenue = of(f.key).revenue.plus(f.amount);
    else of(f.key).expense = of(f.key).expense.plus(f.amount);
  }
  const plans = await kpiRows<{ eid: string; code: string; planned_revenue: string | null; planned_cost: string | null; missing: number }>(PLAN_SQL, [[...actuals.keys()]]);
  const rows = plans.map((p) => ({ ...p, ...actuals.get(p.eid)! }));

  // Portfolio totals: exact sums, rounded once when shown.
  const sum = (pick: (r: (typeof rows)[number]) => Decimal) => rows.reduce((total, r) => total.plus(pick(r)), ZERO);
  const revenue = sum((r) => r.revenue);
  const cost = sum((r) => r.cost.plus(r.expense));
  const margin = revenue.minus(cost);
  const marginPct = ratio(margin, revenue);
  const planned = rows.filter((r) => r.planned_cost !== null && r.planned_revenue !== null);
  const plannedRevenue = planned.reduce((total, r) => total.plus(r.planned_revenue!), ZERO);
  const plannedMarginPct = ratio(planned.reduce((total, r) => total.plus(r.planned_revenue!).minus(r.planned_cost!), ZERO), plannedRevenue);

  // The 20 furthest below plan, ranked by the domain's margin-point variance (actual % − planned %),
  // then computed by the domain itself: running it on every engagement would cost more than the SQL.
  const variance = (r: (typeof rows)[number]) => {
    const actual = ratio(r.revenue.minus(r.cost).minus(r.expense), r.revenue);
    const plan = r.planned_cost === null || r.planned_revenue === null ? null : ratio(dec(r.planned_revenue).minus(r.planned_cost), r.planned_revenue);
    return actual === null || plan === null ? null : actual.minus(plan);
  };
  // Exact decimals decide the order; floats only pre-select the candidates (exact division
  // for every engagement of a large firm would cost more than all its SQL).
  const approximate = (r: (typeof rows)[number]) => {
    const revenue = r.revenue.toNumber();
    const planned = r.planned_revenue === null || r.planned_cost === null ? 0 : Number(r.planned_revenue);
    if (revenue === 0 || planned === 0) return Number.POSITIVE_INFINITY;
    return (revenue - r.cost.toNumber() - r.expense.toNumber()) / revenue - (planned - Number(r.planned_cost)) / planned;
  };
  const candidates = rows.length <= 2 * MARGIN_BREAKDOWN_SIZE ? rows : [...rows]
          .map((r) => ({ r, v: approximate(r) }))
          .sort((a, b) => (a.v === b.v ? a.r.code.localeCompare(b.r.code) : a.v < b.v ? -1 : 1))
          .slice(0, 2 * MARGIN_BREAKDOWN_SIZE)
          .map(({ r }) => r);
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
      uncostedHours: hoursText(sum((r) => r.uncosted)),
      engagements: rows.length,
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
    fxMissing: [...costs, ...earned].reduce((n, f) => n + f.missing, 0) + plans.reduce((n, p) => n + p.missing, 0),
    money: true,
  });
}
