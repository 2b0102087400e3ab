// How busy the machine was, and how much of that was someone else: the benchmark shares
// the machine with whatever else runs, so every phase reports the share of all cores
// that processes outside its own process tree (this process, Threadline, PostgreSQL,
// pgbench) used meanwhile. Kernel threads (journal commits, block I/O, network) mostly
// work for the benchmark's own fsyncs and sockets and are left out of both.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // USER_HZ = 100

export interface CpuSample {
  at: number;
  /** user + nice + system time of all cores. */
  machineBusyMs: number;
  kernelThreadsMs: number;
  oursMs: number;
  /** CPU time of each watched process tree (e.g. web, worker, postgres). */
  watched: Record<string, number>;
}

function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0] = fields;
  return (user + nice + system) * TICK_MS;
}

interface ProcessTable {
  children: Map<number, number[]>;
  own: Map<number, number>;
  name: Map<number, string>;
  kernelThreadsMs: number;
}

function processTable(): ProcessTable {
  const table: ProcessTable = { children: new Map(), own: new Map(), name: new Map(), kernelThreadsMs: 0 };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(f[1]);
      table.name.set(pid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      table.own.set(pid, (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS);
      table.children.set(ppid, [...(table.children.get(ppid) ?? []), pid]);
      if (pid === 2 || ppid === 2) table.kernelThreadsMs += (Number(f[11]) + Number(f[12])) * TICK_MS;
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

/** CPU time of a process tree, children that already exited included (they are counted in their parent). */
function treeMs(table: ProcessTable, root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += table.own.get(pid) ?? 0;
    stack.push(...(table.children.get(pid) ?? []));
  }
  return total;
}

/** The pid of a direct child with that command name (e.g. the postmaster under npm start). */
export function childNamed(parent: number, name: string): number | undefined {
  const table = processTable();
  return table.children.get(parent)?.find((pid) => table.name.get(pid) === name);
}

export function sampleCpu(watch: Record<string, number> = {}): CpuSample {
  const table = processTable();
  const watched = Object.fromEntries(Object.entries(watch).map(([label, pid]) => [label, treeMs(table, pid)]));
  return { at: Date.now(), machineBusyMs: machineBusyMs(), kernelThreadsMs: table.kernelThreadsMs, oursMs: treeMs(table, process.pid), watched };
}

/** Cores used by each watched process tree between two samples (1 = one core fully busy). */
export function coresUsed(from: CpuSample, to: CpuSample): Record<string, number> {
  const elapsed = Math.max(1, to.at - from.at);
  return Object.fromEntries(Object.keys(to.watched).map((label) => [label, ((to.watched[label] ?? 0) - (from.watched[label] ?? 0)) / elapsed]));
}

/** Share of all cores (0–1) used by processes outside the benchmark between two samples. */
export function backgroundShare(from: CpuSample, to: CpuSample): number {
  const capacity = (to.at - from.at) * os.cpus().length;
  const others = to.machineBusyMs - from.machineBusyMs - (to.kernelThreadsMs - from.kernelThreadsMs) - (to.oursMs - from.oursMs);
  return capacity > 0 ? Math.max(0, others / capacity) : 0;
}
