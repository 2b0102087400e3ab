// Monthly DSO, billed and collected from the ledger facts in one statement: per month and
// metric the exact sum (DSO's credit sales and the receivable's movements) and the sum of
// per-engagement amounts rounded to the cent (billed and collected, as the single-period KPI
// rounds them). AR at each month's end = the receivable before the series + the movements
// of the months so far; DSO is then the domain's formula over that month's days.
import { daysSalesOutstanding } from '../../../domain/kpis/dso.ts';
import { roundGroup } from '../../../domain/kpis/group-currency-conversion.ts';
import { periodDays } from '../../../domain/kpis/kpi-period.ts';
import { addDays } from '../../../domain/periods/calendar-date.ts';
import { ZERO, dec } from '../../../domain/money/decimal.ts';
import { FACTS_EPOCH } from '../facts/fact-family.ts';
import { ledgerFacts } from '../facts/ledger-facts.ts';
import { factsSql, readFacts } from '../facts/read-facts.ts';
import { daysText, moneyIn } from '../kpi-figure.ts';
import { kpiRows } from '../kpi-sql.ts';
import { byMonth, type SeriesRange } from './series-range.ts';

interface MonthRow {
  month: string;
  metric: string;
  exact: string;
  rounded: string;
}

const monthlySql = (facts: string) => `
  SELECT month, metric, sum(amount)::text AS exact, sum(round(amount, 2))::text AS rounded
    FROM (SELECT month, metric, key, sum(amount) AS amount FROM ${facts} f GROUP BY 1, 2, 3) k
   GROUP BY 1, 2`;

export async function ledgerSeries(range: SeriesRange) {
  const { scope } = range;
  const params: unknown[] = [];
  const facts = await factsSql(scope, { family: ledgerFacts, firstDay: scope.firstDay, lastDay: scope.lastDay }, params, { byMonth: true });
  const [rows, opening] = await Promise.all([
    kpiRows<MonthRow>(monthlySql(facts), params),
    readFacts(scope, { family: ledgerFacts, metrics: ['ar'], firstDay: FACTS_EPOCH, lastDay: addDays(scope.firstDay, -1) }),
  ]);
  const of = (metric: string) => rows.filter((r) => r.metric === metric);
  let ar = opening.reduce((sum, f) => sum.plus(f.amount), ZERO);
  const arAtEnd = byMonth(range, of('ar'), (row) => (ar = ar.plus(dec(row?.exact ?? 0))));
  const sales = of('sales');
  return {
    dso: byMonth(range, sales, (row, month, i) =>
      daysText(daysSalesOutstanding({ arBalance: roundGroup(arAtEnd[i]!), creditSales: roundGroup(dec(row?.exact ?? 0)), daysInPeriod: periodDays(month.period) })),
    ),
    billedAndCollected: byMonth(range, sales, (row, month) => moneyIn(month, dec(row?.rounded ?? 0))),
    collected: byMonth(range, of('collected'), (row, month) => moneyIn(month, dec(row?.rounded ?? 0))),
  };
}
