// `npm run bench:ingest` — the ingest benchmarks of issue 3, side by side on one PostgreSQL:
//   1. single events over HTTP (8 connections) vs pgbench single-row INSERTs;
//   2. 100-event batches over HTTP (8 connections) vs pgbench 100-row INSERTs;
//   3. the worker: drain rate of a 20,000-event backlog, and received → processed latency
//      at 200 events/s offered.
// Starts Threadline with scripts/start.ts in a fresh data folder under /tmp on port 3400,
// prints a summary with pass/miss per target, writes docs/PERFORMANCE.md, stops and cleans
// up. Exits non-zero when a run fails (errors, events not processed), not on a missed target.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { BATCH, closedLoop, percentile, STRUCTURED, type LoadResult, type Target } from './load.ts';
import { employeeEvent } from './events.ts';
import { createBaselineTable, pgbenchScript, runPgbench } from './pgbench.ts';
import { consoleTable, describeMachine, markdownTable, writePerformanceDoc, type Row } from './report.ts';
import { pauseWorker, removeDataDir, startStack, type Stack } from './stack.ts';
import { drainPhase, latencyPhase, warmUp, type Outcome } from './worker-phases.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const settings = {
  port: num('BENCH_PORT', 3400),
  seconds: num('BENCH_SECONDS', 20),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 3),
  connections: 8,
  batchSize: 100,
  drainEvents: num('BENCH_DRAIN_EVENTS', 20_000),
  latencyRate: num('BENCH_LATENCY_RATE', 200),
  latencySeconds: num('BENCH_LATENCY_SECONDS', 30),
};
if ([3000, 3100].includes(settings.port)) throw new Error('BENCH_PORT must not be 3000 or 3100 (used by development servers).');

const say = (line = '') => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, 1)} ms`;
const problems: string[] = [];

function checkLoad(name: string, result: LoadResult): void {
  if (result.errors > 0) problems.push(`${name}: ${result.errors} request(s) failed, first: ${result.firstError}`);
  if (result.requests === 0) problems.push(`${name}: no request completed`);
}
function checkOutcome(name: string, outcome: Outcome, expected: number): void {
  if (outcome.total !== expected || outcome.processed !== expected) {
    problems.push(`${name}: ${outcome.processed} of ${expected} events processed (${outcome.total} in the inbox; ${JSON.stringify(outcome.others)})`);
  }
}

async function main(): Promise<void> {
  const runId = randomBytes(3).toString('hex');
  const dataDir = `/tmp/threadline-bench-${runId}`;
  const startedAt = new Date();
  say(`Threadline ingest benchmark — data in ${dataDir}, port ${settings.port}`);
  say('Starting Threadline (scripts/start.ts)…');
  const stackEnv = {
    INGEST_RATE_LIMIT_PER_MINUTE: process.env.INGEST_RATE_LIMIT_PER_MINUTE ?? '1000000000',
  };
  let stack: Stack | undefined;
  let client: pg.Client | undefined;
  let crashed = true;
  process.once('SIGINT', () => {
    say('Interrupted: stopping Threadline…');
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    stack = await startStack({ dataDir, port: settings.port, env: stackEnv });
    client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    const hcm = stack.connectors.hcm;
    if (!hcm?.signingSecret) throw new Error('dev-credentials.json has no hcm connector with a signing secret.');
    const target: Target = { baseUrl: stack.baseUrl, connector: hcm };
    const connectorId = (await client.query<{ id: string }>(`SELECT id FROM "Connector" WHERE code = 'hcm'`)).rows[0]!.id;
    const machine = await describeMachine(client);
    say(`Running: ${machine.cores} cores, ${machine.cpu}, PostgreSQL ${machine.postgres}, Node ${machine.node}`);

    say('Warm-up: 1,000 events through the API and the worker…');
    checkOutcome('warm-up', await warmUp(target, client, `warm-${runId}-`), 1000);

    say(`Phase 3a: worker paused, ${fmt(settings.drainEvents)} events loaded in batches of ${settings.batchSize}, worker resumed, drain timed…`);
    const drain = await drainPhase(stack, target, client, `drain-${runId}-`, settings.drainEvents);
    checkOutcome('drain', drain, settings.drainEvents);
    if (!drain.drained) problems.push('drain: the inbox did not empty within 180 s');
    say(`  ${fmt(drain.eventsPerSecond)} events/s (preload took ${fmt(drain.preloadSeconds, 1)} s)`);

    say(`Phase 3b: ${settings.latencyRate} events/s offered for ${settings.latencySeconds} s with the worker running…`);
    const latency = await latencyPhase(target, client, `lat-${runId}-`, settings.latencyRate, settings.latencySeconds);
    checkLoad('latency', latency.http);
    checkOutcome('latency', latency, Math.round(settings.latencyRate * settings.latencySeconds));
    say(`  received → processed p95 ${ms(latency.latencyMs.p95)}`);

    // Phases 1 and 2 measure ingest alone, like pgbench: the worker is paused (what they
    // insert stays in the inbox until the stack stops).
    await pauseWorker(stack, client);
    const { inboxIndexes, baselineIndexes } = await createBaselineTable(client);
    if (inboxIndexes.join('\n') !== baselineIndexes.join('\n')) problems.push(`bench_inbox indexes differ from InboxEvent's:\n${baselineIndexes.join('\n')}`);
    const pgbenchOptions = { databaseUrl: stack.databaseUrl, clients: settings.connections, threads: 2, warmupSeconds: settings.warmupSeconds, seconds: settings.seconds, client };

    say(`Phase 1: pgbench single-row INSERT, ${settings.connections} clients, ${settings.seconds} s…`);
    const pgSingle = await runPgbench({ ...pgbenchOptions, script: pgbenchScript(connectorId, 1) });
    say(`  ${fmt(pgSingle.tps)} rows/s`);
    say(`Phase 1: HTTP single events (structured mode), ${settings.connections} connections, ${settings.seconds} s…`);
    let p1 = 0;
    const single = await closedLoop({
      target,
      connections: settings.connections,
      warmupSeconds: settings.warmupSeconds,
      seconds: settings.seconds,
      contentType: STRUCTURED,
      next: () => [employeeEvent(`p1-${runId}-${p1}`, `P1-${runId}-E${p1++}`)],
    });
    checkLoad('phase 1', single);
    say(`  ${fmt(single.events / single.seconds)} events/s, p99 ${ms(percentile(single.latenciesMs, 99))}`);

    say(`Phase 2: pgbench ${settings.batchSize}-row INSERT, ${settings.connections} clients, ${settings.seconds} s…`);
    const pgBatch = await runPgbench({ ...pgbenchOptions, script: pgbenchScript(connectorId, settings.batchSize) });
    say(`  ${fmt(pgBatch.tps * settings.batchSize)} rows/s`);
    say(`Phase 2: HTTP batches of ${settings.batchSize} events, ${settings.connections} connections, ${settings.seconds} s…`);
    let p2 = 0;
    const batch = await closedLoop({
      target,
      connections: settings.connections,
      warmupSeconds: settings.warmupSeconds,
      seconds: settings.seconds,
      contentType: BATCH,
      next: () => Array.from({ length: settings.batchSize }, () => employeeEvent(`p2-${runId}-${p2}`, `P2-${runId}-E${p2++}`)),
    });
    checkLoad('phase 2', batch);
    say(`  ${fmt(batch.events / batch.seconds)} events/s`);

    // ----- summary -----
    const singleRate = single.events / single.seconds;
    const batchRate = batch.events / batch.seconds;
    const pgBatchRows = pgBatch.tps * settings.batchSize;
    const lat = (l: number[]) => `p50 ${ms(percentile(l, 50))} · p95 ${ms(percentile(l, 95))} · p99 ${ms(percentile(l, 99))}`;
    const rows: Row[] = [
      {
        target: '1. single events, 8 conn.',
        measured: `${fmt(singleRate)} events/s`,
        baseline: `${fmt(pgSingle.tps)} rows/s`,
        ratio: `${fmt((singleRate / pgSingle.tps) * 100, 1)} %`,
        goal: '≥ 30 %',
        pass: singleRate / pgSingle.tps >= 0.3,
      },
      {
        target: '1. single events p99 latency',
        measured: ms(percentile(single.latenciesMs, 99)),
        baseline: `pgbench p99 ${ms(pgSingle.latencyMs.p99)}`,
        ratio: '—',
        goal: '< 50 ms',
        pass: percentile(single.latenciesMs, 99) < 50,
      },
      {
        target: `2. batches of ${settings.batchSize}, 8 conn.`,
        measured: `${fmt(batchRate)} events/s`,
        baseline: `${fmt(pgBatchRows)} rows/s`,
        ratio: `${fmt((batchRate / pgBatchRows) * 100, 1)} %`,
        goal: '≥ 40 %',
        pass: batchRate / pgBatchRows >= 0.4,
      },
      {
        target: '3. worker drain',
        measured: `${fmt(drain.eventsPerSecond)} events/s`,
        baseline: '—',
        ratio: `${fmt((drain.eventsPerSecond / 500) * 100)} % of goal`,
        goal: '≥ 500 events/s',
        pass: drain.eventsPerSecond >= 500,
      },
      {
        target: `3. latency at ${settings.latencyRate}/s offered`,
        measured: `p95 ${ms(latency.latencyMs.p95)}`,
        baseline: '—',
        ratio: '—',
        goal: 'p95 < 2 s',
        pass: latency.latencyMs.p95 < 2000,
      },
    ];

    say('');
    say(consoleTable(rows));
    say('');
    say(`Phase 1 HTTP latency: ${lat(single.latenciesMs)}; pgbench: p50 ${ms(pgSingle.latencyMs.p50)} · p95 ${ms(pgSingle.latencyMs.p95)} · p99 ${ms(pgSingle.latencyMs.p99)}`);
    say(`Phase 2 HTTP latency per batch: ${lat(batch.latenciesMs)}; pgbench: p50 ${ms(pgBatch.latencyMs.p50)} · p95 ${ms(pgBatch.latencyMs.p95)} · p99 ${ms(pgBatch.latencyMs.p99)}`);
    say(`Phase 3b received → processed: p50 ${ms(latency.latencyMs.p50)} · p95 ${ms(latency.latencyMs.p95)} · p99 ${ms(latency.latencyMs.p99)} · max ${ms(latency.latencyMs.max)}; HTTP (from scheduled send) ${lat(latency.http.latenciesMs)}`);

    const config = ['INBOX_BATCH_SIZE', 'INBOX_CONCURRENCY', 'WORKER_CONCURRENCY', 'DATABASE_POOL_SIZE', 'LOG_LEVEL']
      .map((name) => `${name}=${process.env[name] ?? 'default'}`)
      .join(', ');
    const section = `
## Latest run

- **Date**: ${startedAt.toISOString()}
- **Command**: \`npm run bench:ingest\` (${settings.seconds} s per measured phase after ${settings.warmupSeconds} s of warm-up)
- **Machine**: ${machine.cores} cores, ${machine.cpu}, ${machine.ramGiB} GiB RAM; Node ${machine.node}; PostgreSQL ${machine.postgres} (embedded, as \`npm start\` runs it; ${machine.settings}); ${machine.pgbench}
- **Threadline settings**: ${config}; INGEST_RATE_LIMIT_PER_MINUTE=${stackEnv.INGEST_RATE_LIMIT_PER_MINUTE}
- **Event**: q2c.employee.updated.v1 from the demo \`hcm\` connector, ~${JSON.stringify(employeeEvent('00000000-0000-4000-8000-000000000000', 'E-000001')).length} bytes of JSON, signed (HMAC-SHA256, Bearer token)

${markdownTable(rows)}

| phase | figures |
|---|---|
| 1. HTTP single events | ${fmt(single.events)} events in ${single.seconds} s = **${fmt(singleRate)} events/s**; latency ${lat(single.latenciesMs)} |
| 1. pgbench single-row INSERT | ${fmt(pgSingle.transactions)} rows = **${fmt(pgSingle.tps)} rows/s**; latency p50 ${ms(pgSingle.latencyMs.p50)} · p95 ${ms(pgSingle.latencyMs.p95)} · p99 ${ms(pgSingle.latencyMs.p99)} |
| 2. HTTP batches of ${settings.batchSize} | ${fmt(batch.requests)} requests = **${fmt(batchRate)} events/s**; latency per request ${lat(batch.latenciesMs)} |
| 2. pgbench ${settings.batchSize}-row INSERT | ${fmt(pgBatch.tps, 1)} statements/s = **${fmt(pgBatchRows)} rows/s**; latency p50 ${ms(pgBatch.latencyMs.p50)} · p95 ${ms(pgBatch.latencyMs.p95)} · p99 ${ms(pgBatch.latencyMs.p99)} |
| 3a. worker drain | ${fmt(drain.processed)} events processed in ${fmt(drain.drainSeconds, 1)} s after the resume = **${fmt(drain.eventsPerSecond)} events/s** (${fmt(drain.steadyEventsPerSecond)} events/s between the first and the last processedAt); preload through the batch API took ${fmt(drain.preloadSeconds, 1)} s |
| 3b. latency at ${settings.latencyRate} events/s offered | ${fmt(latency.processed)} events over ${fmt(latency.http.seconds, 1)} s; received → processed **p50 ${ms(latency.latencyMs.p50)} · p95 ${ms(latency.latencyMs.p95)} · p99 ${ms(latency.latencyMs.p99)}** (max ${ms(latency.latencyMs.max)}); HTTP from the scheduled send time ${lat(latency.http.latenciesMs)} |
`;
    if (problems.length === 0) {
      writePerformanceDoc(path.join(process.cwd(), 'docs', 'PERFORMANCE.md'), section);
      say('');
      say('Written to docs/PERFORMANCE.md.');
    }
    crashed = false;
  } finally {
    await client?.end().catch(() => undefined);
    say('Stopping Threadline…');
    await stack?.stop();
    if (crashed || problems.length > 0 || process.env.BENCH_KEEP_DATA) say(`Data and stack log kept in ${dataDir}.`);
    else removeDataDir(dataDir);
  }
  if (problems.length > 0) {
    say('');
    say('The benchmark run FAILED (figures not written):');
    problems.forEach((p) => say(`  - ${p}`));
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
