// The health numbers of every connector for the connectors page (DESIGN.md §1, §10):
// when it last sent, how many events it sent today (UTC), its inbox backlog by status,
// the p50 and p95 processing latency (processedAt − receivedAt, as /api/v1/metrics
// measures it) of its events processed in the last hour, its success rate over the last
// 24 hours (processed ÷ processed + failed or held, DESIGN.md §10), the commands waiting
// for delivery to it, and its dead letters (outbox commands that exhausted their attempts). Read from the database, so every replica shows the same
// figures; each figure is one grouped query served by an index.
import { db } from '../../db/client.ts';

import type { BacklogStatus } from './backlog-statuses.ts';

export { BACKLOG_STATUSES, type BacklogStatus } from './backlog-statuses.ts';

export interface ConnectorHealth {
  lastEventAt: Date | null;
  receivedToday: number;
  backlog: Record<BacklogStatus, number>;
  processedLastHour: number;
  /** Null when nothing was processed in the last hour. */
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  /** Processed ÷ (processed + failed + held) among events received in the last 24 hours; null with none of those. */
  successRate: number | null;
  /** Outbox commands to this system not yet delivered (pending or in flight). */
  outboxPending: number;
  deadLetters: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function emptyConnectorHealth(): ConnectorHealth {
  return { lastEventAt: null, receivedToday: 0, backlog: { RECEIVED: 0, FAILED: 0, PARKED: 0, HELD: 0 }, processedLastHour: 0, p50LatencyMs: null, p95LatencyMs: null, successRate: null, outboxPending: 0, deadLetters: 0 };
}

/** By connector id; connectors without any event are absent (see emptyConnectorHealth). */
export async function getConnectorHealth(options: { now?: Date } = {}): Promise<Map<string, ConnectorHealth>> {
  const now = options.now ?? new Date();
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);

  const [arrivals, backlog, latency, dead, outcomes, pending] = await Promise.all([
    // Per connector: a backward scan of (connectorId, receivedAt) for the latest, a range for today.
    db().$queryRaw<{ connector_id: string; last_event_at: Date | null; received_today: bigint }[]>`
      SELECT c.id::text AS connector_id,
             (SELECT max(e."receivedAt") FROM "InboxEvent" e WHERE e."connectorId" = c.id) AS last_event_at,
             (SELECT count(*) FROM "InboxEvent" e WHERE e."connectorId" = c.id AND e."receivedAt" >= ${startOfDay} AND e."receivedAt" <= ${now}) AS received_today
        FROM "Connector" c`,
    db().$queryRaw<{ connector_id: string; status: BacklogStatus; count: bigint }[]>`
      SELECT "connectorId"::text AS connector_id, status::text AS status, count(*) AS count
        FROM "InboxEvent"
       WHERE status IN ('RECEIVED', 'FAILED', 'PARKED', 'HELD') AND "connectorId" IS NOT NULL
       GROUP BY 1, 2`,
    db().$queryRaw<{ connector_id: string; processed: bigint; p50_ms: number | null; p95_ms: number | null }[]>`
      SELECT "connectorId"::text AS connector_id, count(*) AS processed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "processedAt" - "receivedAt") * 1000)::float8 AS p50_ms,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "processedAt" - "receivedAt") * 1000)::float8 AS p95_ms
        FROM "InboxEvent"
       WHERE "processedAt" > ${hourAgo} AND "processedAt" <= ${now} AND "connectorId" IS NOT NULL
       GROUP BY 1`,
    db().$queryRaw<{ connector_id: string; count: bigint }[]>`
      SELECT "connectorId"::text AS connector_id, count(*) AS count FROM "OutboxCommand" WHERE status = 'DEAD' GROUP BY 1`,
    // Per connector, a range of its (connectorId, receivedAt) index: the last day's outcomes.
    db().$queryRaw<{ connector_id: string; processed: bigint; failed: bigint }[]>`
      SELECT c.id::text AS connector_id,
             count(*) FILTER (WHERE e.status = 'PROCESSED') AS processed,
             count(*) FILTER (WHERE e.status IN ('FAILED', 'HELD')) AS failed
        FROM "Connector" c JOIN "InboxEvent" e ON e."connectorId" = c.id AND e."receivedAt" > ${dayAgo} AND e."receivedAt" <= ${now}
       GROUP BY 1`,
    db().$queryRaw<{ connector_id: string; count: bigint }[]>`
      SELECT "connectorId"::text AS connector_id, count(*) AS count FROM "OutboxCommand" WHERE status IN ('PENDING', 'IN_FLIGHT') GROUP BY 1`,
  ]);

  const health = new Map<string, ConnectorHealth>();
  const of = (id: string) => health.get(id) ?? health.set(id, emptyConnectorHealth()).get(id)!;
  for (const row of arrivals) Object.assign(of(row.connector_id), { lastEventAt: row.last_event_at, receivedToday: Number(row.received_today) });
  for (const row of backlog) of(row.connector_id).backlog[row.status] = Number(row.count);
  for (const row of latency) {
    Object.assign(of(row.connector_id), {
      processedLastHour: Number(row.processed),
      p50LatencyMs: row.p50_ms === null ? null : Math.round(row.p50_ms),
      p95LatencyMs: row.p95_ms === null ? null : Math.round(row.p95_ms),
    });
  }
  for (const row of dead) of(row.connector_id).deadLetters = Number(row.count);
  for (const row of pending) of(row.connector_id).outboxPending = Number(row.count);
  for (const row of outcomes) {
    const judged = Number(row.processed) + Number(row.failed);
    if (judged > 0) of(row.connector_id).successRate = Number(row.processed) / judged;
  }
  return health;
}
