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
import { backgroundShare, coresUsed, sampleCpu } from './cpu.ts';
import { BATCH, closedLoop, closedLoopLiveness, mergeLoads, percentile, STRUCTURED, type LoadResult, type Target } from './load.ts';
import { employeeEvent } from './events.ts';
import { createBaselineTable, mergePgbench, pgbenchScript, runPgbench } from './pgbench.ts';
import { consoleSummary, describeMachine, fmt, markdownSection, ms, pct, writePerformanceDoc, type PhaseCpu, type Results } from './report.ts';
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
  /** BENCH_PHASES=1,2 runs only those (the docs are then left alone); default all. */
  phases: new Set((process.env.BENCH_PHASES ?? '1,2,3').split(',').map((p) => p.trim())),
};
if (![...settings.phases].every((p) => ['1', '2', '3'].includes(p))) throw new Error('BENCH_PHASES is a comma-separated list of 1, 2 and 3.');
if ([3000, 3100].includes(settings.port)) throw new Error('BENCH_PORT must not be 3000 or 3100 (used by development servers).');
// The limit is raised so that the run measures throughput, not the limiter; the simulated
// tax engine plays no part in ingest.
// No demo world: the benchmark measures its own events on an empty installation.
const stackEnv = { INGEST_RATE_LIMIT_PER_MINUTE: process.env.INGEST_RATE_LIMIT_PER_MINUTE ?? '1000000000', TAX_ENGINE_SIMULATOR: 'false', DEMO_WORLD: 'false' };

const say = (line = '') => process.stdout.write(`${line}\n`);
const eventRate = (result: LoadResult) => result.events / result.seconds;
const problems: string[] = [];
const cpu: PhaseCpu[] = [];

function checkLoad(name: string, result: LoadResult): void {
  if (result.errors > 0) problems.push(`${name}: ${result.errors} request(s) failed, first: ${result.firstError}`);
  if (result.requests === 0) problems.push(`${name}: no request completed`);
}
/** Events the workflow did not apply make the run wrong; events still pending only make it slow (reported). */
function checkOutcome(name: string, outcome: Outcome, expected: number): void {
  if (outcome.total !== expected || outcome.others.length > 0) {
    problems.push(`${name}: ${outcome.total} of ${expected} events in the inbox, ${outcome.processed} processed; ${JSON.stringify(outcome.others)}`);
  }
  if (outcome.pending > 0) say(`  ${fmt(outcome.pending)} of ${fmt(expected)} events were still waiting for the worker when the phase ended.`);
}

interface CpuSpan {
  ms: number;
  cores: Record<string, number>;
  background: number;
}

/** Runs a phase and measures where the CPU went meanwhile. */
async function withCpu<T>(stack: Stack, run: () => Promise<T>): Promise<[T, CpuSpan]> {
  const watch = { web: stack.webPid, worker: stack.workerPid, postgres: stack.postgresPid };
  const before = sampleCpu(watch);
  const result = await run();
  const after = sampleCpu(watch);
  return [result, { ms: after.at - before.at, cores: coresUsed(before, after), background: backgroundShare(before, after) }];
}

function record(name: string, spans: CpuSpan[], ratePerSecond: number): void {
  const ms = spans.reduce((sum, span) => sum + span.ms, 0);
  const weighted = (pick: (span: CpuSpan) => number) => spans.reduce((sum, span) => sum + pick(span) * span.ms, 0) / ms;
  const cores = Object.fromEntries(Object.keys(spans[0]!.cores).map((label) => [label, weighted((span) => span.cores[label]!)]));
  const total = Object.values(cores).reduce((sum, c) => sum + c, 0);
  const phase: PhaseCpu = { name, cores, perEventMs: (total * 1000) / ratePerSecond, background: weighted((span) => span.background) };
  cpu.push(phase);
  say(
    `  ${name}: cores used: web ${fmt(cores.web!, 2)}, worker ${fmt(cores.worker!, 2)}, PostgreSQL ${fmt(cores.postgres!, 2)} (${fmt(phase.perEventMs, 3)} ms of CPU per event); ` +
      `other processes: ${pct(phase.background)} of all cores`,
  );
}

async function measured<T>(name: string, stack: Stack, run: () => Promise<T>, ratePerSecond: (result: T) => number): Promise<T> {
  const [result, span] = await withCpu(stack, run);
  record(name, [span], ratePerSecond(result));
  return result;
}

interface Side<T> {
  name: string;
  run: () => Promise<T>;
  merge: (results: T[]) => T;
  rate: (result: T) => number;
}

/**
 * The two sides of a comparison in turns (A B A B), each turn half of the measured time,
 * so that both see the same background load on a shared machine; each side's turns merged.
 */
async function sideBySide<A, B>(stack: Stack, a: Side<A>, b: Side<B>): Promise<[A, B]> {
  const turns: { a: [A, CpuSpan][]; b: [B, CpuSpan][] } = { a: [], b: [] };
  for (let turn = 0; turn < 2; turn++) {
    turns.a.push(await withCpu(stack, a.run));
    turns.b.push(await withCpu(stack, b.run));
  }
  const resultA = a.merge(turns.a.map(([r]) => r));
  const resultB = b.merge(turns.b.map(([r]) => r));
  record(a.name, turns.a.map(([, span]) => span), a.rate(resultA));
  record(b.name, turns.b.map(([, span]) => span), b.rate(resultB));
  return [resultA, resultB];
}

async function runPhases(s: Stack, db: pg.Client, runId: string, startedAt: Date): Promise<void> {
  const hcm = s.connectors.hcm;
  if (!hcm?.signingSecret) throw new Error('dev-credentials.json has no hcm connector with a signing secret.');
  const target: Target = { baseUrl: s.baseUrl, connector: hcm };
  const connectorId = (await db.query<{ id: string }>(`SELECT id FROM "Connector" WHERE code = 'hcm'`)).rows[0]!.id;
  const machine = await describeMachine(db);
  say(`Machine: ${machine.cores} cores, ${machine.cpu}, PostgreSQL ${machine.postgres}, Node ${machine.node}`);

  say('Warm-up: 1,000 events through the API and the worker…');
  const warm = await warmUp(target, db, `warm-${runId}-`);
  checkOutcome('warm-up', warm, 1000);
  if (warm.pending > 0) problems.push('warm-up: the worker did not process 1,000 events within 60 s');

  let worker: Results['worker'];
  if (settings.phases.has('3')) {
    say(`Phase 3a: worker paused, ${fmt(settings.drainEvents)} events loaded in batches of ${settings.batchSize}, worker resumed, drain timed…`);
    const drain = await measured('3a. worker drain', s, () => drainPhase(s, target, db, `drain-${runId}-`, settings.drainEvents), (r) => r.eventsPerSecond);
    checkOutcome('drain', drain, settings.drainEvents);
    say(`  ${fmt(drain.eventsPerSecond)} events/s (the preload took ${fmt(drain.preloadSeconds, 1)} s)`);

    say(`Phase 3b: ${settings.latencyRate} events/s offered for ${settings.latencySeconds} s with the worker running…`);
    const latencyRun = () => latencyPhase(target, db, `lat-${runId}-`, settings.latencyRate, settings.latencySeconds);
    const latency = await measured(`3b. ${settings.latencyRate} events/s offered`, s, latencyRun, () => settings.latencyRate);
    checkLoad('latency', latency.http);
    checkOutcome('latency', latency, Math.round(settings.latencyRate * settings.latencySeconds));
    say(`  received → processed p95 ${ms(latency.latencyMs.p95)}`);
    worker = { drain, latency };
  }

  // Phases 1 and 2 measure ingest alone, like pgbench: the worker is paused (what they
  // insert stays in the inbox until the stack stops).
  await pauseWorker(s, db);
  const { inboxIndexes, baselineIndexes } = await createBaselineTable(db);
  if (inboxIndexes.join('\n') !== baselineIndexes.join('\n')) problems.push(`bench_inbox indexes differ from InboxEvent's:\n${baselineIndexes.join('\n')}`);
  // Each side runs twice for half the time, in turns with the other (see sideBySide).
  const half = settings.seconds / 2;
  const pgbenchOptions = { databaseUrl: s.databaseUrl, clients: settings.connections, threads: 2, warmupSeconds: settings.warmupSeconds, seconds: half };
  const loadOptions = { target, connections: settings.connections, warmupSeconds: settings.warmupSeconds, seconds: half };

  let single: Results['single'];
  if (settings.phases.has('1')) {
    say(`Phase 1: pgbench single-row INSERT and HTTP single events (structured mode), ${settings.connections} clients each, in turns, ${settings.seconds} s each…`);
    let p1 = 0;
    const singleEvent = () => [employeeEvent(`p1-${runId}-${p1}`, `P1-${runId}-E${p1++}`)];
    const [pgSingle, singleHttp] = await sideBySide(
      s,
      { name: '1. pgbench single-row INSERT', run: () => runPgbench({ ...pgbenchOptions, script: pgbenchScript(connectorId, 1) }), merge: mergePgbench, rate: (r) => r.tps },
      { name: '1. HTTP single events', run: () => closedLoop({ ...loadOptions, contentType: STRUCTURED, next: singleEvent }), merge: mergeLoads, rate: eventRate },
    );
    checkLoad('phase 1', singleHttp);
    say(`  pgbench ${fmt(pgSingle.tps)} rows/s; HTTP ${fmt(eventRate(singleHttp))} events/s, p99 ${ms(percentile(singleHttp.latenciesMs, 99))}`);
    say(`Diagnostic: GET /api/v1/health?probe=live (no I/O), ${settings.connections} connections, 5 s — what HTTP + Next.js alone allow…`);
    const floor = await measured('diagnostic: liveness route (per request)', s, () => closedLoopLiveness({ ...loadOptions, warmupSeconds: 1, seconds: 5 }), eventRate);
    checkLoad('liveness', floor);
    say(`  ${fmt(eventRate(floor))} requests/s`);
    single = { http: singleHttp, pgbench: pgSingle, floor };
  }

  let batch: Results['batch'];
  if (settings.phases.has('2')) {
    say(`Phase 2: pgbench ${settings.batchSize}-row INSERT and HTTP batches of ${settings.batchSize}, ${settings.connections} clients each, in turns, ${settings.seconds} s each…`);
    let p2 = 0;
    const batchOfEvents = () => Array.from({ length: settings.batchSize }, () => employeeEvent(`p2-${runId}-${p2}`, `P2-${runId}-E${p2++}`));
    const [pgBatch, batchHttp] = await sideBySide(
      s,
      {
        name: `2. pgbench ${settings.batchSize}-row INSERT (per row)`,
        run: () => runPgbench({ ...pgbenchOptions, script: pgbenchScript(connectorId, settings.batchSize) }),
        merge: mergePgbench,
        rate: (r) => r.tps * settings.batchSize,
      },
      { name: `2. HTTP batches of ${settings.batchSize}`, run: () => closedLoop({ ...loadOptions, contentType: BATCH, next: batchOfEvents }), merge: mergeLoads, rate: eventRate },
    );
    checkLoad('phase 2', batchHttp);
    say(`  pgbench ${fmt(pgBatch.tps * settings.batchSize)} rows/s; HTTP ${fmt(eventRate(batchHttp))} events/s`);
    batch = { http: batchHttp, pgbench: pgBatch };
  }

  const config = ['INBOX_BATCH_SIZE', 'INBOX_CONCURRENCY', 'WORKER_CONCURRENCY', 'DATABASE_POOL_SIZE', 'LOG_LEVEL']
    .map((name) => `${name}=${process.env[name] ?? 'default'}`)
    .concat(Object.entries(stackEnv).map(([name, value]) => `${name}=${value}`))
    .join(', ');
  const results = {
    startedAt,
    command: 'npm run bench:ingest',
    durations:
      `phases 1 and 2: each side ${settings.seconds} s in two turns of ${settings.seconds / 2} s, each after ${settings.warmupSeconds} s of warm-up; ` +
      `3a: ${fmt(settings.drainEvents)} events; 3b: ${settings.latencyRate} events/s for ${settings.latencySeconds} s`,
    machine,
    config,
    eventBytes: JSON.stringify(employeeEvent('00000000-0000-4000-8000-000000000000', 'E-000001')).length,
    batchSize: settings.batchSize,
    single,
    batch,
    worker,
    cpu,
  };
  say('');
  say(consoleSummary(results));
  if (problems.length === 0 && single && batch && worker) {
    writePerformanceDoc(path.join(process.cwd(), 'docs', 'PERFORMANCE.md'), markdownSection({ ...results, single, batch, worker }));
    say('Written to docs/PERFORMANCE.md.');
  } else if (problems.length === 0) {
    say(`Only phases ${[...settings.phases].join(', ')} ran: docs/PERFORMANCE.md was left alone.`);
  }
}

async function main(): Promise<void> {
  const runId = randomBytes(3).toString('hex');
  const dataDir = `/tmp/threadline-bench-${runId}`;
  say(`Threadline ingest benchmark — data in ${dataDir}, port ${settings.port}`);
  say('Starting Threadline (scripts/start.ts)…');
  let stack: Stack | undefined;
  let client: pg.Client | undefined;
  let crashed = true;
  process.once('SIGINT', () => {
    say('Interrupted: stopping Threadline…');
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    const startedAt = new Date();
    stack = await startStack({ dataDir, port: settings.port, env: stackEnv });
    client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await runPhases(stack, client, runId, startedAt);
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
