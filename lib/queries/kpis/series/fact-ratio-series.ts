// Monthly margin % and cash-application accuracy (per payment) from the daily facts summed
// by month in SQL: margin % = (revenue − time cost − expenses) ÷ revenue, accuracy =
// accurate receipts ÷ receipts — the single-period KPIs' headline formulas, month by month.
import { ratio } from '../../../domain/kpis/kpi-value.ts';
import { dec } from '../../../domain/money/decimal.ts';
import { cashFacts } from '../facts/cash-facts.ts';
import { factsSql } from '../facts/read-facts.ts';
import { revenueFacts } from '../facts/revenue-facts.ts';
import { timeFacts } from '../facts/time-facts.ts';
import { ratioText } from '../kpi-figure.ts';
import { kpiRows } from '../kpi-sql.ts';
import { byMonth, type SeriesRange } from './series-range.ts';

interface MonthRow {
  month: string;
  revenue: string;
  cost: string;
  expense: string;
}

export async function marginSeries(range: SeriesRange): Promise<(string | null)[]> {
  const { scope } = range;
  const days = { firstDay: scope.firstDay, lastDay: scope.lastDay };
  const params: unknown[] = [];
  const costs = await factsSql(scope, { family: timeFacts, metrics: ['time.cost'], ...days }, params, { byMonth: true });
  const earned = await factsSql(scope, { family: revenueFacts, ...days }, params, { byMonth: true });
  const rows = await kpiRows<MonthRow>(
    `SELECT month, coalesce(sum(amount) FILTER (WHERE metric = 'revenue.recognized'), 0)::text AS revenue,
            coalesce(sum(amount) FILTER (WHERE metric = 'time.cost'), 0)::text AS cost,
            coalesce(sum(amount) FILTER (WHERE metric = 'expense.approved'), 0)::text AS expense
       FROM (SELECT * FROM ${costs} c UNION ALL SELECT * FROM ${earned} r) f GROUP BY month`,
    params,
  );
  return byMonth(range, rows, (row) => {
    const revenue = dec(row?.revenue ?? 0);
    return ratioText(ratio(revenue.minus(dec(row?.cost ?? 0)).minus(dec(row?.expense ?? 0)), revenue));
  });
}

export async function cashAccuracySeries(range: SeriesRange): Promise<(string | null)[]> {
  const { scope } = range;
  const params: unknown[] = [];
  const facts = await factsSql(scope, { family: cashFacts, metrics: ['cash.receipts', 'cash.accurate_receipts'], firstDay: scope.firstDay, lastDay: scope.lastDay }, params, { byMonth: true });
  const rows = await kpiRows<{ month: string; receipts: number; accurate: number }>(
    `SELECT month, coalesce(sum(count) FILTER (WHERE metric = 'cash.receipts'), 0)::int AS receipts,
            coalesce(sum(count) FILTER (WHERE metric = 'cash.accurate_receipts'), 0)::int AS accurate
       FROM ${facts} f GROUP BY month`,
    params,
  );
  return byMonth(range, rows, (row) => ratioText(ratio(row?.accurate ?? 0, row?.receipts ?? 0)));
}
