// Times one read case: a few warm-up calls, then `runs` sequential calls, with the CPU this
// process and its PostgreSQL used per call and the share of the machine other processes
// took meanwhile (on a shared machine the wall time says as much about the neighbours as
// about the code). A route handler is called as a client calls it (bench/reads/call-route.ts).
import { backgroundShare, sampleCpu } from '../ingest/cpu.ts';

export interface Timing {
  name: string;
  p50: number;
  p95: number;
  max: number;
  /** CPU time (this process + PostgreSQL) per call. */
  cpuMs: number;
  /** Share of all cores other processes used during the calls. */
  others: number;
}

export const quantile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

export async function measure(name: string, call: () => Promise<number>, options: { runs: number; warmups?: number }): Promise<Timing> {
  for (let i = 0; i < (options.warmups ?? 3); i++) await call();
  const times: number[] = [];
  const before = sampleCpu();
  for (let i = 0; i < options.runs; i++) times.push(await call());
  const after = sampleCpu();
  times.sort((a, b) => a - b);
  return { name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1)!, cpuMs: (after.oursMs - before.oursMs) / options.runs, others: backgroundShare(before, after) };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

export const describeTiming = (t: Timing) =>
  `${t.name}: p50 ${ms(t.p50)} · p95 ${ms(t.p95)} · max ${ms(t.max)} · CPU ${t.cpuMs.toFixed(0)} ms per call · others used ${(t.others * 100).toFixed(0)} % of the machine`;
