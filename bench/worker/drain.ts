// The inbox processor's drain rate in-process, without the web app: a fresh embedded
// PostgreSQL, N employee events (the ingest benchmark's payload) written as ingest writes
// them, then `INBOX_CONCURRENCY` processor loops drain them as the worker does. Prints
// events/s and CPU per event of this process and of PostgreSQL, so a change to the
// processor can be measured in ~30 s. `node --import tsx bench/worker/drain.ts [events]`;
// add `--cpu-prof` to node for a profile. WORKER_BENCH_PORT picks PostgreSQL's port.
// With WORKER_BENCH_RATE=200 it also offers that many single events per second for
// WORKER_BENCH_SECONDS (30) to the running processor (LISTEN/NOTIFY as in the worker) and
// reports received → processed percentiles: phase 3b of bench:ingest without the web app.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/runtime/embedded-postgres.ts';
import { applyMigrations } from '../../lib/db/migrations/apply-migrations.ts';
import { childNamed, sampleCpu } from '../ingest/cpu.ts';
import { EMPLOYEE_UPDATED, HCM_SOURCE, employeeEvent } from '../ingest/events.ts';

const total = Number(process.argv[2] ?? 5000);
const concurrency = Number(process.env.INBOX_CONCURRENCY ?? 2);
const batchSize = Number(process.env.INBOX_BATCH_SIZE ?? 100);

const dir = mkdtempSync(path.join(os.tmpdir(), 'threadline-worker-bench-'));
const server = await startEmbeddedPostgres({ dataDir: dir, preferredPort: Number(process.env.WORKER_BENCH_PORT ?? 3481) });
try {
  process.env.DATABASE_URL = server.url;
  process.env.THREADLINE_SECRET_KEY ??= 'Y3Ufn0/x9Pgku0WqR5kb6eY7R8AHQuHHjt1wSTvf0ho=';
  await applyMigrations({ databaseUrl: server.url });
  const { pgPool, disconnectAll } = await import('../../lib/db/client.ts');
  const { createConnector } = await import('../../lib/services/connectors/create-connector.ts');
  const { writeInboxEvents } = await import('../../lib/ingest/inbox/write-inbox-events.ts');
  const { canonicalPayloadHash } = await import('../../lib/ingest/envelope/canonical-payload-hash.ts');
  const { processInboxBatch } = await import('../../lib/workflows/process-inbox-batch.ts');
  const { startInboxProcessor } = await import('../../lib/workflows/run-inbox-processor.ts');
  const { buildWorkflowResolver } = await import('../../lib/workflows/registry.ts');

  const hcm = await createConnector({ name: 'HCM', code: 'hcm', kind: 'HCM', sources: [HCM_SOURCE], actor: { type: 'SYSTEM', id: 'bench' } });
  const candidate = (n: number) => {
    const payload = employeeEvent(randomUUID(), `E-${String(n).padStart(6, '0')}`);
    return { source: HCM_SOURCE, eventId: String(payload.id), type: EMPLOYEE_UPDATED, subject: String(payload.subject), sequence: '1', correlationId: null, eventTime: new Date(String(payload.time)), payload, payloadHash: canonicalPayloadHash(payload) };
  };
  for (let start = 0; start < total; start += 500) {
    await writeInboxEvents(pgPool(), { connectorId: hcm.id, events: Array.from({ length: Math.min(500, total - start) }, (_, i) => candidate(start + i)) });
  }

  const settings = { batchSize, gapTimeoutMs: 60_000, maxAttempts: 8, resolve: buildWorkflowResolver() };
  const postmaster = childNamed(process.pid, 'postgres');
  const watch: Record<string, number> = postmaster ? { postgres: postmaster } : {};
  // Round trips to PostgreSQL (through Prisma or not, all go through pg's Client#query):
  // unlike CPU time, the count does not move with the machine's load.
  let statements = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const cpu0 = process.cpuUsage();
  const s0 = sampleCpu(watch);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while ((await processInboxBatch(settings)).claimed > 0);
  }));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  pg.Client.prototype.query = query;
  const s1 = sampleCpu(watch);
  const processed = Number((await pgPool().query(`SELECT count(*) FROM "InboxEvent" WHERE status = 'PROCESSED'`)).rows[0].count);
  const count = async (sql: string) => Number((await pgPool().query<{ count: string }>(sql)).rows[0]!.count);
  const employees = await count(`SELECT count(*) FROM "Employee"`);
  // Every effect, exactly once: the employee, its crosswalk link, its first cost rate and its audit record.
  const effects = {
    links: await count(`SELECT count(*) FROM "ExternalRef" WHERE "entityType" = 'Employee'`),
    costRates: await count(`SELECT count(*) FROM "EmployeeCostRate"`),
    audits: await count(`SELECT count(*) FROM "AuditRecord" WHERE action = 'employee.created'`),
  };
  const nodeMs = (cpu.user + cpu.system) / 1000;
  const pgMs = (s1.watched.postgres ?? 0) - (s0.watched.postgres ?? 0);
  const otherCores = ((s1.machineBusyMs - s0.machineBusyMs) - (s1.oursMs - s0.oursMs) - (s1.kernelThreadsMs - s0.kernelThreadsMs)) / (s1.at - s0.at);
  console.log(JSON.stringify({ total, processed, employees, ...effects, batchSize, concurrency, seconds: +seconds.toFixed(2), statementsPerEvent: +(statements / total).toFixed(2), eventsPerSecond: Math.round(processed / seconds), workerCpuMsPerEvent: +(nodeMs / processed).toFixed(3), postgresCpuMsPerEvent: +(pgMs / processed).toFixed(3), otherLoadCores: +otherCores.toFixed(2), loadavg: os.loadavg()[0] }));
  if ([processed, employees, ...Object.values(effects)].some((n) => n !== total)) process.exitCode = 1;

  const rate = Number(process.env.WORKER_BENCH_RATE ?? 0);
  if (rate > 0) {
    // Open loop: events are written when due, whether or not earlier writes have finished.
    const offeredSeconds = Number(process.env.WORKER_BENCH_SECONDS ?? 30);
    const processor = await startInboxProcessor({ ...settings, databaseUrl: server.url, concurrency, pollMs: 500 });
    const offered = Math.round(rate * offeredSeconds);
    const writes: Promise<unknown>[] = [];
    const started = performance.now();
    while (writes.length < offered) {
      const due = Math.min(offered, Math.floor(((performance.now() - started) / 1000) * rate));
      while (writes.length < due) writes.push(writeInboxEvents(pgPool(), { connectorId: hcm.id, events: [candidate(total + writes.length)] }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(writes);
    const writtenIn = (performance.now() - started) / 1000;
    while ((await count(`SELECT count(*) FROM "InboxEvent" WHERE status <> 'PROCESSED'`)) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    await processor.stop();
    // Only the offered events (the drained ones were numbered before them).
    const late = await pgPool().query<{ p: number[] }>(
      `SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM "processedAt" - "receivedAt") * 1000) AS p
         FROM "InboxEvent" WHERE subject > $1`,
      [`E-${String(total - 1).padStart(6, '0')}`],
    );
    const [p50, p95, p99] = late.rows[0]!.p.map((ms) => Math.round(ms));
    console.log(JSON.stringify({ offeredPerSecond: rate, seconds: offeredSeconds, writtenIn: +writtenIn.toFixed(1), receivedToProcessedMs: { p50, p95, p99 }, loadavg: os.loadavg()[0] }));
  }
  await disconnectAll();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
