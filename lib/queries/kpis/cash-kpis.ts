// Cash-application accuracy and unapplied cash (docs/KPIS.md). Accuracy: per receipt of the
// period, its APPLICATION rows counted in SQL — all, and the inaccurate ones (by a person,
// or reversed at any time) — then the domain's rule: a payment is accurate when it has an
// application and none is inaccurate; lines are counted one by one. Unapplied cash: what
// is left on receipts now, converted at each receipt's date.
import { ratio } from '../../domain/kpis/kpi-value.ts';
import { roundGroup } from '../../domain/kpis/group-currency-conversion.ts';
import { dec } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { figure, moneyIn, ratioText } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { fxJoin, fxMissing, inLegalEntity, inUsd, kpiRows, usdRates, utcDay } from './kpi-sql.ts';

interface AccuracyRow {
  receipts: number;
  accurate_receipts: number;
  lines: number;
  accurate_lines: number;
}

export async function cashKpis(scope: KpiScope): Promise<KpiFigure[]> {
  const [[accuracy], [unapplied]] = await Promise.all([
    kpiRows<AccuracyRow>(
      `WITH per_receipt AS (
         SELECT r.id, count(a.id)::int AS lines, count(a.id) FILTER (WHERE a.automatic AND a."reversedAt" IS NULL)::int AS accurate
           FROM "CashReceipt" r LEFT JOIN "CashApplication" a ON a."receiptId" = r.id AND a.kind = 'APPLICATION'
          WHERE r."receivedAt" >= $1 AND r."receivedAt" < $2 AND ${inLegalEntity('r."legalEntityId"', 3)}
          GROUP BY r.id
       )
       SELECT count(*)::int AS receipts, count(*) FILTER (WHERE lines > 0 AND accurate = lines)::int AS accurate_receipts,
              coalesce(sum(lines), 0)::int AS lines, coalesce(sum(accurate), 0)::int AS accurate_lines
         FROM per_receipt`,
      [scope.period.from, scope.period.to, scope.legalEntityId],
    ),
    kpiRows<{ usd: string | null; receipts: number; missing: number }>(
      `WITH src AS (
         SELECT currency, ${utcDay('"receivedAt"')} AS day, sum("unappliedAmount") AS amount, count(*)::int AS receipts
           FROM "CashReceipt" WHERE "unappliedAmount" > 0 AND status <> 'REFUNDED' AND ${inLegalEntity('"legalEntityId"', 1)}
          GROUP BY 1, 2
       ), ${usdRates('src')}
       SELECT sum(${inUsd('src', 'src.amount')})::text AS usd, coalesce(sum(src.receipts), 0)::int AS receipts, ${fxMissing('src')} AS missing FROM src ${fxJoin('src')}`,
      [scope.legalEntityId],
    ),
  ]);
  const a = accuracy!;
  const perPayment = { accurate: a.accurate_receipts, total: a.receipts, ratio: ratioText(ratio(a.accurate_receipts, a.receipts)) };
  const perInvoiceLine = { accurate: a.accurate_lines, total: a.lines, ratio: ratioText(ratio(a.accurate_lines, a.lines)) };
  const amount = moneyIn(scope, roundGroup(dec(unapplied?.usd ?? 0)));
  return [
    figure('cashApplicationAccuracy', scope, { value: perPayment.ratio, breakdown: { perPayment, perInvoiceLine } }),
    figure('unappliedCash', scope, { value: amount, breakdown: { amount, receipts: unapplied?.receipts ?? 0 }, fxMissing: unapplied?.missing ?? 0 }),
  ];
}
