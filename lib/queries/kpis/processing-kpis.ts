// The technical KPIs (docs/KPIS.md "Technical"), for the whole installation: processing
// latency p50/p95/p99 overall, by type and by connector — from how many events took each
// whole millisecond (one hash aggregate, no sort; percentileOfCounts interpolates exactly
// as lib/domain/kpis/percentile.ts does); success rate, backlog and throughput through the
// domain's formulas on counts grouped in SQL.
import type { InboxEventStatus, OutboxCommandStatus } from '../../db/generated/enums.ts';
import { backlog, successRate, throughput } from '../../domain/kpis/processing-health.ts';
import { INTERNAL_CONNECTOR } from '../../domain/kpis/processing-latency.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { figure, msText, ratioText } from './kpi-figure.ts';
import { percentileOfCounts } from './percentile-of-counts.ts';
import type { KpiScope } from './kpi-scope.ts';
import { kpiRows } from './kpi-sql.ts';

interface LatencyRow {
  type: string;
  connector: string;
  ms: string;
  n: number;
}

type Histogram = [number, number][];

const stats = (histogram: Histogram) => ({
  count: histogram.reduce((n, [, c]) => n + c, 0),
  p50Ms: msText(percentileOfCounts(histogram, 0.5)),
  p95Ms: msText(percentileOfCounts(histogram, 0.95)),
  p99Ms: msText(percentileOfCounts(histogram, 0.99)),
});

function byKey(rows: LatencyRow[], keyOf: (row: LatencyRow) => string): Map<string, Histogram> {
  const groups = new Map<string, Histogram>();
  for (const row of rows) {
    const key = keyOf(row);
    const histogram = groups.get(key) ?? groups.set(key, []).get(key)!;
    histogram.push([Number(row.ms), row.n]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export async function processingKpis(scope: KpiScope): Promise<KpiFigure[]> {
  const period = [scope.period.from, scope.period.to];
  const [latency, received, inboxNow, outboxNow] = await Promise.all([
    // Timestamps have millisecond precision: every latency is a whole number of milliseconds.
    // Events are grouped on the interval itself (exact, and one subtraction per event); each
    // group's interval becomes milliseconds afterwards (the float of it rounded back to the
    // whole number — cheaper than numeric arithmetic).
    kpiRows<LatencyRow>(
      `SELECT l.type, coalesce(c.code, '${INTERNAL_CONNECTOR}') AS connector, round(date_part('epoch', l.latency) * 1000)::bigint::text AS ms, l.n
         FROM (SELECT e.type, e."connectorId", e."processedAt" - e."receivedAt" AS latency, count(*)::int AS n
                 FROM "InboxEvent" e WHERE e.status = 'PROCESSED' AND e."processedAt" >= $1 AND e."processedAt" < $2
                GROUP BY 1, 2, 3) l
         LEFT JOIN "Connector" c ON c.id = l."connectorId"`,
      period,
    ),
    // Grouped on the enum, named after: one text conversion per status, not per event.
    kpiRows<{ status: InboxEventStatus; n: number }>(
      `SELECT status::text AS status, n FROM (SELECT status, count(*)::int AS n FROM "InboxEvent" WHERE "receivedAt" >= $1 AND "receivedAt" < $2 GROUP BY status) s`,
      period,
    ),
    kpiRows<{ status: InboxEventStatus; n: number }>(`SELECT status::text AS status, count(*)::int AS n FROM "InboxEvent" WHERE status IN ('RECEIVED', 'PROCESSING', 'FAILED', 'PARKED', 'HELD') GROUP BY 1`, []),
    kpiRows<{ status: OutboxCommandStatus; n: number }>(`SELECT status::text AS status, count(*)::int AS n FROM "OutboxCommand" WHERE status IN ('PENDING', 'IN_FLIGHT', 'DEAD') GROUP BY 1`, []),
  ]);

  const overallStats = stats([...byKey(latency, () => '').values()].flat());
  const byType = [...byKey(latency, (r) => r.type).entries()].map(([type, histogram]) => ({ type, ...stats(histogram) }));
  const byConnector = [...byKey(latency, (r) => r.connector).entries()].map(([connector, histogram]) => ({ connector, ...stats(histogram) }));

  const counts = <S extends string>(rows: { status: S; n: number }[]) => Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<S, number>>;
  const success = successRate({ inboxByStatus: counts(received) });
  const waiting = backlog({ inboxByStatus: counts(inboxNow), outboxByStatus: counts(outboxNow) });
  const flow = throughput({ processedInPeriod: overallStats.count, period: scope.period });

  return [
    figure('eventProcessingLatency', scope, { value: overallStats.p95Ms, breakdown: { ...overallStats, byType, byConnector } }),
    figure('eventSuccessRate', scope, { value: ratioText(success.ratio), breakdown: { processed: success.processed, failed: success.failed } }),
    figure('backlog', scope, { value: String(waiting.inboxUnprocessed), breakdown: { inboxByStatus: waiting.inboxByStatus, outboxPending: waiting.outboxPending, deadLetters: waiting.deadLetters } }),
    // Six significant digits: a quiet quarter is a fraction of an event per second.
    figure('throughput', scope, { value: flow.perSecond.toSignificantDigits(6).toString(), breakdown: { processed: flow.processed, perMinute: flow.perMinute.toSignificantDigits(6).toString() } }),
  ];
}
