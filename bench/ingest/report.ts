// The summary: pass/miss per target, a table on the console, and the generated section of
// docs/PERFORMANCE.md (between the bench markers; the hand-written text around it is kept).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type pg from 'pg';
import { percentile, type LoadResult } from './load.ts';
import type { PgbenchResult } from './pgbench.ts';
import type { DrainResult, LatencyResult } from './worker-phases.ts';

export interface Machine {
  cores: number;
  cpu: string;
  ramGiB: number;
  node: string;
  postgres: string;
  pgbench: string;
  settings: string;
}

export async function describeMachine(client: pg.Client): Promise<Machine> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'max_connections') ORDER BY name`,
  );
  return {
    cores: os.cpus().length,
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version,
    pgbench: execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim(),
    settings: settings.rows.map((r) => `${r.name}=${r.setting}${r.unit ? ` (${r.unit})` : ''}`).join(', '),
  };
}

/** Where the CPU went during a phase. */
export interface PhaseCpu {
  name: string;
  /** Cores used (1 = one core busy) by web, worker and postgres. */
  cores: Record<string, number>;
  /** ms of CPU (web + worker + PostgreSQL) per event or row, at the phase's rate. */
  perEventMs: number;
  /** Share of all cores used by processes outside the benchmark. */
  background: number;
}

export interface Results {
  startedAt: Date;
  command: string;
  /** How long each phase ran. */
  durations: string;
  machine: Machine;
  config: string;
  eventBytes: number;
  batchSize: number;
  /** Phase 1 (absent when BENCH_PHASES leaves it out). */
  single?: { http: LoadResult; pgbench: PgbenchResult; floor: LoadResult };
  /** Phase 2. */
  batch?: { http: LoadResult; pgbench: PgbenchResult };
  /** Phase 3. */
  worker?: { drain: DrainResult; latency: LatencyResult };
  cpu: PhaseCpu[];
}

interface Row {
  target: string;
  measured: string;
  baseline: string;
  ratio: string;
  goal: string;
  pass: boolean;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const ms = (n: number) => `${fmt(n, 1)} ms`;
export const pct = (share: number) => `${fmt(share * 100)} %`;
const lat = (l: number[]) => `p50 ${ms(percentile(l, 50))} · p95 ${ms(percentile(l, 95))} · p99 ${ms(percentile(l, 99))}`;
const pgLat = (r: PgbenchResult) => lat(r.latenciesMs);
const rate = (r: LoadResult) => r.events / r.seconds;

/** CPU per event over pgbench's CPU per row: what the rate ratio tends to when the machine is CPU-bound. */
function cpuRatios(r: Results): string {
  const of = (prefix: string) => r.cpu.find((c) => c.name.startsWith(prefix))?.perEventMs ?? NaN;
  const x = (n: number) => `${fmt(n, 1)}×`;
  const pgRow = of('1. pgbench');
  const parts = [
    ...(r.single ? [`single events ${x(of('1. HTTP') / pgRow)}`, `the liveness route alone ${x(of('diagnostic') / pgRow)}`] : []),
    ...(r.batch ? [`batches of ${r.batchSize} ${x(of('2. HTTP') / of('2. pgbench'))}`] : []),
  ];
  return `CPU per event (web + worker + PostgreSQL) vs pgbench's CPU per row: ${parts.join(', ') || 'phases 1 and 2 not run'}`;
}

function targets(r: Results): Row[] {
  const rows: Row[] = [];
  if (r.single) {
    const { http, pgbench } = r.single;
    const single = rate(http);
    const p99 = percentile(http.latenciesMs, 99);
    rows.push(
      { target: '1. single events, 8 conn.', measured: `${fmt(single)} events/s`, baseline: `${fmt(pgbench.tps)} rows/s`, ratio: pct(single / pgbench.tps), goal: '≥ 30 %', pass: single / pgbench.tps >= 0.3 },
      { target: '1. single events p99 latency', measured: ms(p99), baseline: `pgbench p99 ${ms(percentile(pgbench.latenciesMs, 99))}`, ratio: '—', goal: '< 50 ms', pass: p99 < 50 },
    );
  }
  if (r.batch) {
    const batch = rate(r.batch.http);
    const pgBatchRows = r.batch.pgbench.tps * r.batchSize;
    rows.push({ target: `2. batches of ${r.batchSize}, 8 conn.`, measured: `${fmt(batch)} events/s`, baseline: `${fmt(pgBatchRows)} rows/s`, ratio: pct(batch / pgBatchRows), goal: '≥ 40 %', pass: batch / pgBatchRows >= 0.4 });
  }
  if (r.worker) {
    const { drain, latency } = r.worker;
    rows.push(
      { target: '3. worker drain', measured: `${fmt(drain.eventsPerSecond)} events/s${drain.drained ? '' : ' (not drained in 180 s)'}`, baseline: '—', ratio: `${pct(drain.eventsPerSecond / 500)} of goal`, goal: '≥ 500 events/s', pass: drain.eventsPerSecond >= 500 },
      { target: `3. latency at ${latency.offeredPerSecond}/s offered`, measured: `p95 ${latency.pending > 0 ? '≥ ' : ''}${ms(latency.latencyMs.p95)}`, baseline: '—', ratio: '—', goal: 'p95 < 2 s', pass: latency.latencyMs.p95 < 2000 },
    );
  }
  return rows;
}

export function consoleSummary(r: Results): string {
  const header = ['target', 'measured', 'baseline', 'ratio', 'goal', 'result'];
  const cells = targets(r).map((t) => [t.target, t.measured, t.baseline, t.ratio, t.goal, t.pass ? 'PASS' : 'MISS']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  const busiest = Math.max(...r.cpu.map((c) => c.background));
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
    '',
    ...(r.single
      ? [
          `Phase 1 HTTP latency ${lat(r.single.http.latenciesMs)}; pgbench ${pgLat(r.single.pgbench)}`,
          `Liveness route (HTTP + Next.js, no I/O): ${fmt(rate(r.single.floor))} requests/s = ${pct(rate(r.single.floor) / r.single.pgbench.tps)} of pgbench's single-row rate`,
        ]
      : []),
    ...(r.batch ? [`Phase 2 HTTP latency per batch ${lat(r.batch.http.latenciesMs)}; pgbench ${pgLat(r.batch.pgbench)}`] : []),
    ...(r.worker
      ? [`Phase 3b received → processed p50 ${ms(r.worker.latency.latencyMs.p50)} · p95 ${ms(r.worker.latency.latencyMs.p95)} · p99 ${ms(r.worker.latency.latencyMs.p99)}; HTTP from the scheduled send ${lat(r.worker.latency.http.latenciesMs)}`]
      : []),
    `${cpuRatios(r)}.`,
    ...(busiest > 0.1 ? [`Note: other processes used up to ${pct(busiest)} of all cores during a phase; rates are lower than on an idle machine.`] : []),
  ].join('\n');
}

/** The generated section of docs/PERFORMANCE.md; only for a run of every phase. */
export function markdownSection(r: Results & Required<Pick<Results, 'single' | 'batch' | 'worker'>>): string {
  const busiest = Math.max(...r.cpu.map((c) => c.background));
  const { drain, latency } = r.worker;
  const { http: single, pgbench: pgSingle, floor } = r.single;
  const { http: batch, pgbench: pgBatch } = r.batch;
  return `
### Latest run

- **Date**: ${r.startedAt.toISOString()}
- **Command**: \`${r.command}\` (${r.durations})
- **Machine**: ${r.machine.cores} cores, ${r.machine.cpu}, ${r.machine.ramGiB} GiB RAM; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres} (embedded, as \`npm start\` runs it; ${r.machine.settings}); ${r.machine.pgbench}
- **Threadline settings**: ${r.config}
- **Event**: q2c.employee.updated.v1 from the demo \`hcm\` connector, ${r.eventBytes} bytes of JSON, signed (HMAC-SHA256, Bearer token)
- **Other load on the machine**: up to ${pct(busiest)} of all cores during a phase (last column of the CPU table)

| target | measured | baseline (pgbench, same PostgreSQL) | ratio | goal | result |
|---|---|---|---|---|---|
${targets(r)
  .map((t) => `| ${t.target} | ${t.measured} | ${t.baseline} | ${t.ratio} | ${t.goal} | ${t.pass ? '**pass**' : '**MISS**'} |`)
  .join('\n')}

| phase | figures |
|---|---|
| 1. HTTP single events | ${fmt(single.events)} events in ${single.seconds} s = **${fmt(rate(single))} events/s**; latency ${lat(single.latenciesMs)} |
| 1. pgbench single-row INSERT | ${fmt(pgSingle.transactions)} rows = **${fmt(pgSingle.tps)} rows/s**; latency ${pgLat(pgSingle)} |
| diagnostic: GET liveness route | **${fmt(rate(floor))} requests/s** (${pct(rate(floor) / pgSingle.tps)} of pgbench's single-row rate): HTTP + Next.js alone, no I/O; latency ${lat(floor.latenciesMs)} |
| 2. HTTP batches of ${r.batchSize} | ${fmt(batch.requests)} requests = **${fmt(rate(batch))} events/s**; latency per request ${lat(batch.latenciesMs)} |
| 2. pgbench ${r.batchSize}-row INSERT | ${fmt(pgBatch.tps, 1)} statements/s = **${fmt(pgBatch.tps * r.batchSize)} rows/s**; latency ${pgLat(pgBatch)} |
| 3a. worker drain | ${fmt(drain.processed)} events processed${drain.drained ? '' : ` (of ${fmt(drain.total)}: not drained within 180 s)`} in ${fmt(drain.drainSeconds, 1)} s after the resume = **${fmt(drain.eventsPerSecond)} events/s** (${fmt(drain.steadyEventsPerSecond)} events/s between the first and the last processedAt); preload through the batch API took ${fmt(drain.preloadSeconds, 1)} s |
| 3b. latency at ${latency.offeredPerSecond} events/s offered | ${fmt(latency.processed)} events processed${latency.pending > 0 ? ` (${fmt(latency.pending)} still pending 60 s after the last was sent: counted with their age, so the figures are lower bounds)` : ''}, offered over ${fmt(latency.total / latency.offeredPerSecond, 1)} s (the last answer came after ${fmt(latency.http.seconds, 1)} s); received → processed **p50 ${ms(latency.latencyMs.p50)} · p95 ${ms(latency.latencyMs.p95)} · p99 ${ms(latency.latencyMs.p99)}** (max ${ms(latency.latencyMs.max)}); HTTP from the scheduled send time ${lat(latency.http.latenciesMs)} |

CPU during each phase (cores used, 1.00 = one core fully busy; the load generator and pgbench themselves are not counted).
*CPU per event* is what one event (or pgbench row) cost web + worker + PostgreSQL at the phase's rate: unlike the rates, it
hardly depends on what else runs on the machine, so it is the figure to compare between runs.

| phase | web | worker | PostgreSQL | CPU per event | other processes (share of all cores) |
|---|---|---|---|---|---|
${r.cpu.map((c) => `| ${c.name} | ${fmt(c.cores.web!, 2)} | ${fmt(c.cores.worker!, 2)} | ${fmt(c.cores.postgres!, 2)} | ${fmt(c.perEventMs, 3)} ms | ${pct(c.background)} |`).join('\n')}

${cpuRatios(r)}.
`;
}

const BEGIN = '<!-- bench:ingest:begin (generated by npm run bench:ingest; edits inside are overwritten) -->';
const END = '<!-- bench:ingest:end -->';

export function writePerformanceDoc(file: string, section: string): void {
  const generated = `${BEGIN}\n${section.trim()}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? current.slice(0, start) + generated + current.slice(end + END.length) : `${current.trimEnd()}\n\n${generated}\n`;
  writeFileSync(file, next);
}
