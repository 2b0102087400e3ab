// Phase 3: the worker. (a) Drain: with the worker paused, N employee events are loaded
// through the batch API; the worker is resumed and the drain rate is read from
// InboxEvent."processedAt". (b) Latency: single events at a fixed offered rate with the
// worker running; received → processed latency from the database.
import type pg from 'pg';
import { BATCH, openLoop, sendAll, type LoadResult, type Target } from './load.ts';
import { employeeEvent } from './events.ts';
import { pauseWorker, resumeWorker, type Stack } from './stack.ts';

const PENDING_SQL = `SELECT count(*)::int AS n FROM "InboxEvent" WHERE status IN ('RECEIVED', 'FAILED', 'PARKED')`;

/** Waits until the inbox holds nothing to process; false on timeout. */
export async function waitForEmptyInbox(client: pg.Client, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await client.query<{ n: number }>(PENDING_SQL)).rows[0]!.n === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

export interface Outcome {
  total: number;
  processed: number;
  /** Still waiting for the worker (RECEIVED): too slow, not wrong. */
  pending: number;
  /** Any other status (HELD, FAILED, …) means the workflow did not apply: the run is wrong. */
  others: { status: string; count: number; lastError: string | null }[];
}

async function outcomeOf(client: pg.Client, prefix: string): Promise<Outcome> {
  const rows = (
    await client.query<{ status: string; count: number; last_error: string | null }>(
      `SELECT status::text, count(*)::int AS count, max("lastError") AS last_error FROM "InboxEvent" WHERE "eventId" LIKE $1 GROUP BY status`,
      [`${prefix}%`],
    )
  ).rows;
  return {
    total: rows.reduce((sum, r) => sum + r.count, 0),
    processed: rows.find((r) => r.status === 'PROCESSED')?.count ?? 0,
    pending: rows.find((r) => r.status === 'RECEIVED')?.count ?? 0,
    others: rows.filter((r) => !['PROCESSED', 'RECEIVED'].includes(r.status)).map((r) => ({ status: r.status, count: r.count, lastError: r.last_error })),
  };
}

const batchesOf = (prefix: string, count: number, size: number) =>
  Array.from({ length: Math.ceil(count / size) }, (_, b) =>
    Array.from({ length: Math.min(size, count - b * size) }, (_, i) => {
      const n = b * size + i;
      return employeeEvent(`${prefix}${n}`, `${prefix.toUpperCase()}E${n}`);
    }),
  );

/** Warms the web route and the worker's code paths; waits until processed. */
export async function warmUp(target: Target, client: pg.Client, prefix: string): Promise<Outcome> {
  await sendAll(target, BATCH, batchesOf(prefix, 1000, 100), 4);
  await waitForEmptyInbox(client, 60_000);
  return outcomeOf(client, prefix);
}

export interface DrainResult extends Outcome {
  preloadSeconds: number;
  /** From the resume to the last processedAt. */
  drainSeconds: number;
  eventsPerSecond: number;
  /** Between the first and the last processedAt (excludes the wake-up). */
  steadyEventsPerSecond: number;
  drained: boolean;
}

export async function drainPhase(stack: Stack, target: Target, client: pg.Client, prefix: string, count: number): Promise<DrainResult> {
  await pauseWorker(stack, client);
  const loadStart = Date.now();
  try {
    await sendAll(target, BATCH, batchesOf(prefix, count, 100), 4);
  } catch (error) {
    resumeWorker(stack);
    throw error;
  }
  const preloadSeconds = (Date.now() - loadStart) / 1000;
  const resumedAt = (await client.query<{ t: Date }>('SELECT clock_timestamp() AS t')).rows[0]!.t;
  resumeWorker(stack);
  const drained = await waitForEmptyInbox(client, 180_000);
  // Not drained in time: the rate is what was processed until now.
  const span = (
    await client.query<{ drain: number | null; steady: number | null }>(
      `SELECT extract(epoch FROM (CASE WHEN $3 THEN max("processedAt") ELSE clock_timestamp() END) - $2::timestamptz)::float8 AS drain,
              extract(epoch FROM max("processedAt") - min("processedAt"))::float8 AS steady
         FROM "InboxEvent" WHERE "eventId" LIKE $1`,
      [`${prefix}%`, resumedAt, drained],
    )
  ).rows[0]!;
  const outcome = await outcomeOf(client, prefix);
  return {
    ...outcome,
    preloadSeconds,
    drainSeconds: span.drain ?? NaN,
    eventsPerSecond: outcome.processed / (span.drain ?? NaN),
    steadyEventsPerSecond: (outcome.processed - 1) / (span.steady ?? NaN),
    drained,
  };
}

export interface LatencyResult extends Outcome {
  http: LoadResult;
  offeredPerSecond: number;
  /** processedAt − receivedAt, ms; an event still pending counts with its age (so the figures are then lower bounds). */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  drained: boolean;
}

export async function latencyPhase(target: Target, client: pg.Client, prefix: string, rate: number, seconds: number): Promise<LatencyResult> {
  let n = 0;
  const http = await openLoop({
    target,
    rate,
    seconds,
    next: () => {
      const i = n++;
      return employeeEvent(`${prefix}${i}`, `${prefix.toUpperCase()}E${i}`);
    },
  });
  const drained = await waitForEmptyInbox(client, 60_000);
  const row = (
    await client.query<{ p50: number | null; p95: number | null; p99: number | null; max: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
         FROM (SELECT extract(epoch FROM coalesce("processedAt", clock_timestamp()) - "receivedAt")::float8 * 1000 AS ms FROM "InboxEvent" WHERE "eventId" LIKE $1) AS l`,
      [`${prefix}%`],
    )
  ).rows[0]!;
  // No processed event at all (a worker that fell far behind) gives NULLs: report NaN.
  const latencyMs = { p50: row.p50 ?? NaN, p95: row.p95 ?? NaN, p99: row.p99 ?? NaN, max: row.max ?? NaN };
  return { ...(await outcomeOf(client, prefix)), http, offeredPerSecond: rate, latencyMs, drained };
}
