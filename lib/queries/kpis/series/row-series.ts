// Monthly series read straight from their rows, grouped by UTC month in one statement each
// (indexed ranges of the series' months, like the single-period reads): activation cycle
// time (median), event success rate, billing exceptions raised, and invoice timeliness
// (the timeliness facts by eligibility day, judged at each month's asOf).
import { successRate } from '../../../domain/kpis/processing-health.ts';
import { ratio } from '../../../domain/kpis/kpi-value.ts';
import type { InboxEventStatus } from '../../../db/generated/enums.ts';
import { dec } from '../../../domain/money/decimal.ts';
import { BILLING_EXCEPTION_CODES } from '../../../domain/kpis/billing-exception-volume.ts';
import { invoiceFacts } from '../facts/invoice-facts.ts';
import { readFacts } from '../facts/read-facts.ts';
import { judgeTimeliness, timelinessGroups } from '../invoice-timeliness-kpi.ts';
import { daysText, ratioText } from '../kpi-figure.ts';
import { inLegalEntity, kpiRows } from '../kpi-sql.ts';
import { byMonth, utcMonth, type SeriesRange } from './series-range.ts';

const range$ = (range: SeriesRange) => [range.scope.period.from, range.scope.period.to];

export async function activationSeries(range: SeriesRange): Promise<(string | null)[]> {
  const rows = await kpiRows<{ month: string; median_s: string | null }>(
    `SELECT ${utcMonth('"activatedAt"')} AS month,
            extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY "activatedAt" - "quoteAcceptedAt"))::text AS median_s
       FROM "Engagement"
      WHERE "quoteAcceptedAt" IS NOT NULL AND "activatedAt" >= $1 AND "activatedAt" < $2 AND ${inLegalEntity('"legalEntityId"', 3)}
      GROUP BY 1`,
    [...range$(range), range.scope.legalEntityIds],
  );
  return byMonth(range, rows, (row) => daysText(row?.median_s == null ? null : dec(row.median_s).dividedBy(86_400)));
}

export async function successRateSeries(range: SeriesRange): Promise<(string | null)[]> {
  const rows = await kpiRows<{ month: string; status: InboxEventStatus; n: number }>(
    // Grouped on the truncated instant and the enum, named after: one text conversion per group, not per event.
    `SELECT to_char(month, 'YYYY-MM') AS month, status::text AS status, n FROM (
       SELECT date_trunc('month', "receivedAt" AT TIME ZONE 'UTC') AS month, status, count(*)::int AS n FROM "InboxEvent" WHERE "receivedAt" >= $1 AND "receivedAt" < $2 GROUP BY 1, 2) s`,
    range$(range),
  );
  return range.months.map(({ month }) => {
    const inboxByStatus = Object.fromEntries(rows.filter((r) => r.month === month).map((r) => [r.status, r.n]));
    return ratioText(successRate({ inboxByStatus }).ratio);
  });
}

export async function billingExceptionSeries(range: SeriesRange): Promise<string[]> {
  const rows = await kpiRows<{ month: string; raised: number }>(
    `SELECT ${utcMonth('"firstSeenAt"')} AS month, count(*)::int AS raised FROM "Exception"
      WHERE code = ANY($3::"ExceptionCode"[]) AND "firstSeenAt" >= $1 AND "firstSeenAt" < $2 AND ${inLegalEntity('"legalEntityId"', 4)}
      GROUP BY 1`,
    [...range$(range), BILLING_EXCEPTION_CODES, range.scope.legalEntityIds],
  );
  return byMonth(range, rows, (row) => String(row?.raised ?? 0));
}

export async function timelinessSeries(range: SeriesRange): Promise<(string | null)[]> {
  const { scope } = range;
  const facts = await readFacts(scope, { family: invoiceFacts, metrics: ['timeliness'], firstDay: scope.firstDay, lastDay: scope.lastDay, byDay: true });
  const groups = timelinessGroups(facts);
  return range.months.map(({ month, scope: monthScope }) => {
    const { onTime, late } = judgeTimeliness(groups.filter((g) => g.eligibleDay.startsWith(month)), monthScope.asOf);
    return ratioText(ratio(onTime, onTime + late));
  });
}
