// Billing exception volume (docs/KPIS.md): the billing codes' exceptions first seen in the
// period, per code — raised, occurrences, still open now and impact (already USD in the
// queue) — grouped in SQL on (code, status), read per code from the (code, firstSeenAt)
// index; the totals are the per-code sums.
import { BILLING_EXCEPTION_CODES } from '../../domain/kpis/billing-exception-volume.ts';
import { roundGroup } from '../../domain/kpis/group-currency-conversion.ts';
import { ZERO, dec } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { figure, moneyIn } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { inLegalEntity, kpiRows } from './kpi-sql.ts';

export async function billingExceptionsKpi(scope: KpiScope): Promise<KpiFigure> {
  const rows = await kpiRows<{ code: string; raised: number; occurrences: number; still_open: number; impact: string }>(
    `SELECT code::text AS code, count(*)::int AS raised, sum(occurrences)::int AS occurrences,
            count(*) FILTER (WHERE status IN ('OPEN', 'ASSIGNED'))::int AS still_open, sum("financialImpact")::text AS impact
       FROM "Exception"
      WHERE code = ANY($3::"ExceptionCode"[]) AND "firstSeenAt" >= $1 AND "firstSeenAt" < $2 AND ${inLegalEntity('"legalEntityId"', 4)}
      GROUP BY code`,
    [scope.period.from, scope.period.to, BILLING_EXCEPTION_CODES, scope.legalEntityIds],
  );
  const byCode = BILLING_EXCEPTION_CODES.map((code) => {
    const row = rows.find((r) => r.code === code);
    return { code, raised: row?.raised ?? 0, occurrences: row?.occurrences ?? 0, stillOpen: row?.still_open ?? 0, impact: roundGroup(dec(row?.impact ?? 0)) };
  });
  const raised = byCode.reduce((n, c) => n + c.raised, 0);
  return figure('billingExceptionVolume', scope, {
    value: String(raised),
    breakdown: {
      raised,
      occurrences: byCode.reduce((n, c) => n + c.occurrences, 0),
      stillOpen: byCode.reduce((n, c) => n + c.stillOpen, 0),
      financialImpact: moneyIn(scope, byCode.reduce((sum, c) => sum.plus(c.impact), ZERO)),
      byCode: byCode.map(({ impact, ...c }) => ({ ...c, financialImpact: moneyIn(scope, impact) })),
    },
    money: true,
  });
}
