// GET /api/v1/metrics in Prometheus text format. Ingest counters come from this process;
// backlog and processing latency are read from the database so every replica reports
// the same figures: latency is a histogram of events processed in the last five minutes
// (processedAt − receivedAt), by event type and connector.
import { db } from '../../db/client.ts';
import { ingestCounters } from '../../ingest/ingest-metrics.ts';

const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (pairs: Record<string, string>) => `{${Object.entries(pairs).map(([k, v]) => `${k}="${label(v)}"`).join(',')}}`;

interface LatencyRow {
  type: string;
  connector: string;
  bucket: number;
  count: bigint;
  sum: number;
}

export async function renderMetrics(): Promise<string> {
  const lines: string[] = [];
  const { events, refusals } = ingestCounters();

  lines.push('# HELP threadline_ingest_events_total Events answered by this web process, by connector, type and outcome.');
  lines.push('# TYPE threadline_ingest_events_total counter');
  for (const e of events) lines.push(`threadline_ingest_events_total${labels({ connector: e.connector, type: e.type, outcome: e.outcome })} ${e.count}`);
  lines.push('# HELP threadline_ingest_requests_refused_total Ingest requests refused as a whole, by connector and HTTP status.');
  lines.push('# TYPE threadline_ingest_requests_refused_total counter');
  for (const r of refusals) lines.push(`threadline_ingest_requests_refused_total${labels({ connector: r.connector, status: r.status })} ${r.count}`);

  const backlog = await db().$queryRawUnsafe<{ status: string; count: bigint }[]>(
    `SELECT status::text AS status, count(*) AS count FROM "InboxEvent" WHERE status IN ('RECEIVED','FAILED','PARKED','HELD') GROUP BY status`,
  );
  const outbox = await db().$queryRawUnsafe<{ status: string; count: bigint }[]>(
    `SELECT status::text AS status, count(*) AS count FROM "OutboxCommand" WHERE status IN ('PENDING','IN_FLIGHT','DEAD') GROUP BY status`,
  );
  lines.push('# HELP threadline_inbox_backlog Inbox events not yet processed, by status.');
  lines.push('# TYPE threadline_inbox_backlog gauge');
  for (const status of ['RECEIVED', 'FAILED', 'PARKED', 'HELD']) {
    lines.push(`threadline_inbox_backlog${labels({ status })} ${backlog.find((b) => b.status === status)?.count ?? 0}`);
  }
  lines.push('# HELP threadline_outbox_backlog Outbox commands not delivered, by status (DEAD = dead letters).');
  lines.push('# TYPE threadline_outbox_backlog gauge');
  for (const status of ['PENDING', 'IN_FLIGHT', 'DEAD']) {
    lines.push(`threadline_outbox_backlog${labels({ status })} ${outbox.find((b) => b.status === status)?.count ?? 0}`);
  }

  // Delivery attempts finished in the last five minutes: the outcome mix per target.
  const attempts = await db().$queryRawUnsafe<{ connector: string; outcome: string; count: bigint }[]>(
    `SELECT c.code AS connector, a.outcome::text AS outcome, count(*) AS count
       FROM "OutboxAttempt" a JOIN "OutboxCommand" o ON o.id = a."commandId" JOIN "Connector" c ON c.id = o."connectorId"
      WHERE a."finishedAt" >= clock_timestamp() - interval '5 minutes'
      GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  lines.push('# HELP threadline_outbox_attempts Outbox delivery attempts finished in the last 5 minutes, by target connector and outcome.');
  lines.push('# TYPE threadline_outbox_attempts gauge');
  for (const a of attempts) lines.push(`threadline_outbox_attempts${labels({ connector: a.connector, outcome: a.outcome })} ${a.count}`);

  const latency = await db().$queryRawUnsafe<LatencyRow[]>(
    `SELECT e.type, coalesce(c.code, 'internal') AS connector,
            width_bucket(extract(epoch FROM e."processedAt" - e."receivedAt")::float8, $1::float8[]) AS bucket,
            count(*) AS count, sum(extract(epoch FROM e."processedAt" - e."receivedAt"))::float8 AS sum
       FROM "InboxEvent" e LEFT JOIN "Connector" c ON c.id = e."connectorId"
      WHERE e."processedAt" >= clock_timestamp() - interval '5 minutes'
      GROUP BY 1, 2, 3`,
    LATENCY_BUCKETS,
  );
  lines.push('# HELP threadline_event_processing_latency_seconds Received-to-processed time of events processed in the last 5 minutes.');
  lines.push('# TYPE threadline_event_processing_latency_seconds histogram');
  const series = new Map<string, LatencyRow[]>();
  for (const row of latency) series.set(JSON.stringify([row.type, row.connector]), [...(series.get(JSON.stringify([row.type, row.connector])) ?? []), row]);
  for (const [key, rows] of series) {
    const [type, connector] = JSON.parse(key) as [string, string];
    let cumulative = 0;
    // width_bucket returns i when bucket[i-1] <= x < bucket[i], so rows with index <= i are "le bucket[i]".
    LATENCY_BUCKETS.forEach((le, i) => {
      cumulative = rows.filter((r) => r.bucket <= i).reduce((n, r) => n + Number(r.count), 0);
      lines.push(`threadline_event_processing_latency_seconds_bucket${labels({ type, connector, le: String(le) })} ${cumulative}`);
    });
    const total = rows.reduce((n, r) => n + Number(r.count), 0);
    lines.push(`threadline_event_processing_latency_seconds_bucket${labels({ type, connector, le: '+Inf' })} ${total}`);
    lines.push(`threadline_event_processing_latency_seconds_sum${labels({ type, connector })} ${rows.reduce((s, r) => s + r.sum, 0)}`);
    lines.push(`threadline_event_processing_latency_seconds_count${labels({ type, connector })} ${total}`);
  }
  return lines.join('\n') + '\n';
}
