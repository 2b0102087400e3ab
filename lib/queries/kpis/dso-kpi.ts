// DSO (docs/KPIS.md): AR at the period's end ÷ credit sales in the period × its days, with
// the domain's formula (daysSalesOutstanding), from the ledger facts: AR is every "ar" fact
// dated before `to` (issues, voids, credit notes and cash, each at its invoice's issue-date
// rate — a paid invoice adds exactly 0); credit sales the "sales" facts of the period.
import { daysSalesOutstanding } from '../../domain/kpis/dso.ts';
import { roundGroup } from '../../domain/kpis/group-currency-conversion.ts';
import { periodDays } from '../../domain/kpis/kpi-period.ts';
import { ZERO, dec } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { FACTS_EPOCH } from './facts/fact-family.ts';
import { ledgerFacts } from './facts/ledger-facts.ts';
import { factsSql, readFacts, type FactSum } from './facts/read-facts.ts';
import { daysText, figure, moneyIn } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { kpiRows } from './kpi-sql.ts';

/** The period's ledger facts of billed and collected. */
export const PERIOD_LEDGER_METRICS = ['sales', 'collected'];


const total = (facts: FactSum[]) => facts.reduce((sum, f) => sum.plus(f.amount), ZERO);
const missing = (facts: FactSum[]) => facts.reduce((n, f) => n + f.missing, 0);

export async function dsoKpi(scope: KpiScope): Promise<KpiFigure> {
  const salesParams: unknown[] = [];
  const salesFacts = await factsSql(scope, { family: ledgerFacts, metrics: ['sales'], firstDay: scope.firstDay, lastDay: scope.lastDay }, salesParams);
  const [ar, [sales]] = await Promise.all([
    readFacts(scope, { family: ledgerFacts, metrics: ['ar'], firstDay: FACTS_EPOCH, lastDay: scope.lastDay }),
    // Summed over every engagement in SQL: only the total is needed here.
    kpiRows<{ amount: string; missing: number }>(`SELECT coalesce(sum(amount), 0)::text AS amount, coalesce(sum(missing), 0)::int AS missing FROM ${salesFacts} f`, salesParams),
  ]);
  const arBalance = roundGroup(total(ar));
  const creditSales = roundGroup(dec(sales!.amount));
  const daysInPeriod = periodDays(scope.period);
  return figure('dso', scope, {
    value: daysText(daysSalesOutstanding({ arBalance, creditSales, daysInPeriod })),
    breakdown: { arBalance: moneyIn(scope, arBalance), creditSales: moneyIn(scope, creditSales), daysInPeriod: daysText(daysInPeriod) },
    fxMissing: missing(ar) + sales!.missing,
    money: true,
  });
}
