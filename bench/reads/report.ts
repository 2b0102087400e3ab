// The read benchmark's section of docs/PERFORMANCE.md: machine, data and command, then
// p50/p95/max, CPU per call and the other processes' share of the machine for each case.
import os from 'node:os';
import { COUNTS, SEED_END } from '../kpis/seed.ts';
import { EXCEPTION_FILTERS, EXCEPTION_GOAL_MS, type ExceptionTiming } from './exception-cases.ts';
import { KPI_GOAL_MS, type KpiResults } from './kpi-cases.ts';
import { LINEAGE_GOAL_MS, type LineageResult } from './lineage-case.ts';
import { ms, type Timing } from './measure.ts';
import { CLOSED_EXCEPTIONS, OPEN_EXCEPTIONS } from './seed-exceptions.ts';
import { LINEAGE_NODES } from './seed-lineage.ts';

export interface ReadResults {
  command: string;
  version: string;
  seedSeconds: number;
  rollupSeconds: number;
  runs: number;
  kpis?: KpiResults;
  exceptions?: ExceptionTiming[];
  lineage?: LineageResult;
}

const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
const verdict = (t: Timing, goal: number) => (t.p95 < goal ? 'pass' : '**MISS**');
const row = (t: Timing, goal: number) => `| ${t.name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} | ${ms(t.cpuMs)} | ${pct(t.others)} | ${verdict(t, goal)} |`;
const header = (goal: string) => [`| case | p50 | p95 | max | CPU per call (Node + PostgreSQL) | other processes' share of the machine | goal p95 < ${goal} |`, '|---|---|---|---|---|---|---|'];

export function readSection(r: ReadResults): string[] {
  const lines = [
    '## Read APIs (`npm run bench:reads`)',
    '',
    `- **Date**: ${new Date().toISOString()}; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${os.loadavg()[0]!.toFixed(1)} at the end; Node ${process.version}; PostgreSQL ${r.version} (embedded, fsync off — reads only)`,
    `- **Command**: \`${r.command}\`; each case ${r.runs} sequential calls of the route handler (a Request with a personal API token; timed to the last byte of the body, the JSON parsed after) after 3 warm-ups`,
    `- **Data**: ${Object.entries(COUNTS).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} over the year to ${SEED_END.slice(0, 10)} (bench/kpis/seed.ts); the exception queue topped up to ${OPEN_EXCEPTIONS.toLocaleString('en-US')} unresolved plus ${CLOSED_EXCEPTIONS.toLocaleString('en-US')} resolved or suppressed (bench/reads/seed-exceptions.ts); one engagement thread of ${LINEAGE_NODES.toLocaleString('en-US')} lineage nodes (bench/reads/seed-lineage.ts)${r.seedSeconds > 0 ? `; seeded in ${r.seedSeconds.toFixed(0)} s` : ''}`,
    `- **Rollup**: the KPI facts rebuilt in full in ${r.rollupSeconds.toFixed(0)} s (the hourly job redoes the trailing 120 days); facts through the day before, the last day live`,
  ];
  if (r.kpis) {
    const k = r.kpis;
    lines.push(
      '',
      `### \`GET /api/v1/kpis?from=${k.from}&to=${k.to}\` (90 days through the seed's last day)`,
      '',
      ...header(`${KPI_GOAL_MS} ms`),
      ...k.timings.map((t) => row(t, KPI_GOAL_MS)),
      '',
      `Each loader alone (median of 5; they run in parallel in the API): ${k.loaders.map(([name, t]) => `${name} ${ms(t)}`).join(' · ')}.`,
      '',
      `Before any rollup (every figure from the rows themselves): ${k.cold.map(ms).join(', ')} per call.`,
    );
  }
  if (r.exceptions) {
    const list = r.exceptions;
    const sorts = [...new Set(list.map((t) => t.sort))];
    const extra = list.filter((t) => !EXCEPTION_FILTERS.some(([f]) => f === t.filter));
    const cell = (t: Timing | undefined) => (t ? `${t.p50.toFixed(1)} / **${t.p95.toFixed(1)}** / ${t.max.toFixed(1)}` : '—');
    const worst = list.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    lines.push(
      '',
      '### `GET /api/v1/exceptions`, first page (50 rows) for every sort',
      '',
      `p50 / **p95** / max in ms. Filters: none = the whole queue, history included; open = \`status=OPEN,ASSIGNED\`; team = open and \`owner=FINANCE_AR\`; code = \`code=UNAPPLIED_CASH\`.`,
      '',
      `| sort | ${EXCEPTION_FILTERS.map(([f]) => f).join(' | ')} |`,
      `|---|${EXCEPTION_FILTERS.map(() => '---').join('|')}|`,
      ...sorts.map((sort) => `| \`${sort}\` | ${EXCEPTION_FILTERS.map(([f]) => cell(list.find((t) => t.sort === sort && t.filter === f))).join(' | ')} |`),
      '',
      `Default order with other filters: ${extra.map((t) => `${t.filter} ${cell(t)}`).join(' · ')}.`,
      '',
      `${list.length} cases; worst p95 ${ms(worst.p95)} (${worst.name}), goal < ${EXCEPTION_GOAL_MS} ms: **${list.every((t) => t.p95 < EXCEPTION_GOAL_MS) ? 'pass' : 'MISS'}**; CPU per call ${ms(Math.min(...list.map((t) => t.cpuMs)))}–${ms(Math.max(...list.map((t) => t.cpuMs)))}; other processes used ${pct(Math.min(...list.map((t) => t.others)))}–${pct(Math.max(...list.map((t) => t.others)))} of the machine.`,
    );
  }
  if (r.lineage) {
    const l = r.lineage;
    lines.push(
      '',
      '### `GET /api/v1/lineage/bench-lineage`',
      '',
      `${l.nodes.toLocaleString('en-US')} nodes, ${l.edges.toLocaleString('en-US')} edges, ${l.events} events; ${(l.bytes / 1e6).toFixed(1)} MB of JSON.`,
      '',
      ...header(`${LINEAGE_GOAL_MS} ms`),
      row(l, LINEAGE_GOAL_MS),
    );
  }
  return lines;
}
