// Project activation cycle time (docs/KPIS.md): activatedAt − quoteAcceptedAt of the
// engagements activated in the period — median and p90 by linear interpolation
// (percentile_cont over intervals, microsecond-exact), mean — and those still waiting at
// asOf with the oldest wait. Days are exact: seconds ÷ 86,400.
import { dec, type Decimal } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { daysText, figure } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { inLegalEntity, kpiRows } from './kpi-sql.ts';

interface ActivationRow {
  activated: number;
  median_s: string | null;
  p90_s: string | null;
  sum_s: string | null;
  waiting: number;
  oldest_s: string | null;
}

const days = (seconds: string | null): Decimal | null => (seconds === null ? null : dec(seconds).dividedBy(86_400));

export async function activationKpi(scope: KpiScope): Promise<KpiFigure> {
  const [row] = await kpiRows<ActivationRow>(
    `WITH scoped AS (SELECT "quoteAcceptedAt" AS accepted, "activatedAt" AS activated FROM "Engagement" WHERE "quoteAcceptedAt" IS NOT NULL AND ${inLegalEntity('"legalEntityId"', 4)}),
          cycles AS (SELECT activated - accepted AS cycle FROM scoped WHERE activated >= $1 AND activated < $2)
     SELECT (SELECT count(*)::int FROM cycles) AS activated,
            (SELECT extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY cycle))::text FROM cycles) AS median_s,
            (SELECT extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY cycle))::text FROM cycles) AS p90_s,
            (SELECT sum(extract(epoch FROM cycle))::text FROM cycles) AS sum_s,
            (SELECT count(*)::int FROM scoped WHERE accepted < $3 AND (activated IS NULL OR activated >= $3)) AS waiting,
            (SELECT extract(epoch FROM max($3::timestamptz - accepted))::text FROM scoped WHERE accepted < $3 AND (activated IS NULL OR activated >= $3)) AS oldest_s`,
    [scope.period.from, scope.period.to, scope.asOf, scope.legalEntityIds],
  );
  const mean = row!.activated > 0 && row!.sum_s !== null ? days(row!.sum_s)!.dividedBy(row!.activated) : null;
  return figure('activationCycleTime', scope, {
    value: daysText(days(row!.median_s)),
    breakdown: { activated: row!.activated, medianDays: daysText(days(row!.median_s)), p90Days: daysText(days(row!.p90_s)), meanDays: daysText(mean), waiting: row!.waiting, oldestWaitDays: daysText(days(row!.oldest_s)) },
  });
}
