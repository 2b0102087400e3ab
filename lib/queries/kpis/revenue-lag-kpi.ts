// Revenue-recognition lag (docs/KPIS.md): RevenueEntry.createdAt − eligibleAt of the
// RECOGNITION and ADJUSTMENT entries booked in the period — average (the headline), p90
// (linear, percentile_cont over intervals) and max — and how many had no eligibility date.
import { dec, type Decimal } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { daysText, figure } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { inLegalEntity, kpiRows } from './kpi-sql.ts';

const days = (seconds: string | null): Decimal | null => (seconds === null ? null : dec(seconds).dividedBy(86_400));

export async function revenueLagKpi(scope: KpiScope): Promise<KpiFigure> {
  const [row] = await kpiRows<{ entries: number; unmeasured: number; sum_s: string | null; p90_s: string | null; max_s: string | null }>(
    `SELECT count(r."eligibleAt")::int AS entries, count(*) FILTER (WHERE r."eligibleAt" IS NULL)::int AS unmeasured,
            sum(extract(epoch FROM r."createdAt" - r."eligibleAt"))::text AS sum_s,
            extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY r."createdAt" - r."eligibleAt"))::text AS p90_s,
            extract(epoch FROM max(r."createdAt" - r."eligibleAt"))::text AS max_s
       FROM "RevenueEntry" r JOIN "Engagement" e ON e.id = r."engagementId"
      WHERE r.kind IN ('RECOGNITION', 'ADJUSTMENT') AND r."createdAt" >= $1 AND r."createdAt" < $2 AND ${inLegalEntity('e."legalEntityId"', 3)}`,
    [scope.period.from, scope.period.to, scope.legalEntityIds],
  );
  const average = row!.entries > 0 ? days(row!.sum_s)!.dividedBy(row!.entries) : null;
  return figure('revenueRecognitionLag', scope, {
    value: daysText(average),
    breakdown: { entries: row!.entries, averageDays: daysText(average), p90Days: daysText(days(row!.p90_s)), maxDays: daysText(days(row!.max_s)), unmeasured: row!.unmeasured },
  });
}
