// Cash-application accuracy and unapplied cash (docs/KPIS.md). Accuracy: the period's
// receipt-day facts (cash-facts.ts: the domain's rule — a payment is accurate when it has an
// application and none is by a person or reversed; lines are counted one by one). Unapplied
// cash: what is left on receipts now, converted at each receipt's date.
import { ratio } from '../../domain/kpis/kpi-value.ts';
import { roundGroup } from '../../domain/kpis/group-currency-conversion.ts';
import { dec } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { figure, moneyIn, ratioText } from './kpi-figure.ts';
import { cashFacts } from './facts/cash-facts.ts';
import { readFacts } from './facts/read-facts.ts';
import type { KpiScope } from './kpi-scope.ts';
import { fxJoin, fxMissing, inLegalEntity, inUsd, kpiRows, usdRates, utcDay } from './kpi-sql.ts';

export async function cashKpis(scope: KpiScope): Promise<KpiFigure[]> {
  const [accuracy, [unapplied]] = await Promise.all([
    readFacts(scope, { family: cashFacts, firstDay: scope.firstDay, lastDay: scope.lastDay }),
    kpiRows<{ usd: string | null; receipts: number; missing: number }>(
      `WITH src AS (
         SELECT currency, ${utcDay('"receivedAt"')} AS day, sum("unappliedAmount") AS amount, count(*)::int AS receipts
           FROM "CashReceipt" WHERE "unappliedAmount" > 0 AND status <> 'REFUNDED' AND ${inLegalEntity('"legalEntityId"', 1)}
          GROUP BY 1, 2
       ), ${usdRates('src')}
       SELECT sum(${inUsd('src', 'src.amount')})::text AS usd, coalesce(sum(src.receipts), 0)::int AS receipts, ${fxMissing('src')} AS missing FROM src ${fxJoin('src')}`,
      [scope.legalEntityIds],
    ),
  ]);
  const count = (metric: string) => accuracy.filter((f) => f.metric === metric).reduce((n, f) => n + f.count, 0);
  const [receipts, accurateReceipts, lines, accurateLines] = cashFacts.metrics.map(count) as [number, number, number, number];
  const perPayment = { accurate: accurateReceipts, total: receipts, ratio: ratioText(ratio(accurateReceipts, receipts)) };
  const perInvoiceLine = { accurate: accurateLines, total: lines, ratio: ratioText(ratio(accurateLines, lines)) };
  const amount = moneyIn(scope, roundGroup(dec(unapplied?.usd ?? 0)));
  return [
    figure('cashApplicationAccuracy', scope, { value: perPayment.ratio, breakdown: { perPayment, perInvoiceLine } }),
    figure('unappliedCash', scope, { value: amount, breakdown: { amount, receipts: unapplied?.receipts ?? 0 }, fxMissing: unapplied?.missing ?? 0 }),
  ];
}
