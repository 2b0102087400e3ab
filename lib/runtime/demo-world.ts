// The part of `npm start` (and `npm run demo:reset`) that fills an empty installation with
// the demo world (lib/demo, docs/DEMO.md): decides whether to, builds the loader's view of
// the running stack (dev credentials, simulator ports and tokens), keeps the status file
// GET /api/v1/health reports from, and prints progress.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { generateDemoWorld, DEFAULT_DEMO_SEED } from '../demo/generate-demo-world.ts';
import { loadDemoWorld, type DemoLoadSummary } from '../demo/load/load-demo-world.ts';
import { simulatorClient, type SimulatorEndpoints } from '../demo/load/simulator-client.ts';
import { threadlineClient } from '../demo/load/threadline-client.ts';
import { writeDemoStatus } from '../demo/load/demo-status.ts';
import { rollUpKpis } from '../services/kpis/roll-up-kpis.ts';
import type { DevCredentials } from './dev-credentials.ts';
import { readJsonFile } from './read-json-file.ts';

export interface DemoWorldSettings {
  enabled: boolean;
  seed: string;
  scale: number;
}

/** The running stack as the demo loader reaches it: written by npm start (mode 0600: the simulators' tokens), read by demo:reset. */
const runningStackSchema = z.object({
  baseUrl: z.string(),
  /** npm start's process. */
  pid: z.number().int(),
  simulators: z.record(z.string(), z.object({ url: z.string(), token: z.string() })),
});

export type RunningStack = z.infer<typeof runningStackSchema> & { simulators: SimulatorEndpoints };

const stackFile = (dataDir: string) => path.join(dataDir, 'running-stack.json');

export function writeSimulatorEndpoints(dataDir: string, stack: RunningStack): void {
  writeFileSync(stackFile(dataDir), JSON.stringify(stack, null, 2) + '\n', { mode: 0o600 });
}

export function readRunningStack(dataDir: string): RunningStack | undefined {
  return readJsonFile(stackFile(dataDir), runningStackSchema);
}

/** On by default with the embedded database (like the demo users), off with DATABASE_URL; DEMO_WORLD overrides. */
export function demoWorldSettings(config: { DEMO_WORLD?: boolean; DEMO_WORLD_SEED?: string; DEMO_WORLD_SCALE?: number }, embedded: boolean): DemoWorldSettings {
  return { enabled: config.DEMO_WORLD ?? embedded, seed: config.DEMO_WORLD_SEED ?? DEFAULT_DEMO_SEED, scale: config.DEMO_WORLD_SCALE ?? 1 };
}

/** True when the database holds no business data yet: no event ever received, no engagement, no invoice. */
export async function hasBusinessData(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM "InboxEvent") OR EXISTS (SELECT 1 FROM "Engagement") OR EXISTS (SELECT 1 FROM "Invoice") OR EXISTS (SELECT 1 FROM "CashReceipt") AS any`,
    );
    return rows[0]?.any === true;
  } finally {
    await client.end();
  }
}

export async function loadDemoWorldInto(o: {
  settings: DemoWorldSettings;
  dataDir: string;
  baseUrl: string;
  credentials: DevCredentials;
  simulators: SimulatorEndpoints;
  today?: string;
  say: (line: string) => void;
}): Promise<DemoLoadSummary> {
  const { settings, dataDir } = o;
  const finance = o.credentials.users.find((u) => u.role === 'FINANCE');
  if (!finance) throw new Error('The demo world needs the FINANCE demo user (SEED_DEMO_USERS=true).');
  const startedAt = new Date().toISOString();
  const status = { seed: settings.seed, scale: settings.scale, startedAt, pid: process.pid };
  writeDemoStatus(dataDir, { ...status, status: 'loading', detail: 'Generating the demo world.' });
  try {
    const world = generateDemoWorld({ seed: settings.seed, scale: settings.scale, today: o.today ?? new Date().toISOString().slice(0, 10) });
    o.say(`Loading the demo world (seed ${settings.seed}, scale ${settings.scale}: ${world.clients.length} clients, ${world.employees.length} people, ${world.engagements.length} quotes, ${world.months.length} months)…`);
    const summary = await loadDemoWorld({
      world,
      threadline: threadlineClient({ baseUrl: o.baseUrl, connectors: o.credentials.connectors, apiToken: finance.apiToken }),
      simulators: simulatorClient(o.simulators),
      say: (line) => {
        o.say(line);
        writeDemoStatus(dataDir, { ...status, status: 'loading', detail: line.trim() });
      },
    });
    // The year's rows are dated in the past: an hourly KPI rollup that ran during the load
    // stored those days before they were complete. Rebuilt whole, the dashboard is right at once.
    await rollUpKpis({ now: new Date(), full: true });
    const detail = `${summary.events} events, ${summary.quotes} quotes, ${summary.invoices} invoices, ${summary.payments} payments in ${summary.seconds} s`;
    writeDemoStatus(dataDir, { ...status, status: 'loaded', finishedAt: new Date().toISOString(), detail });
    o.say(`Demo world loaded: ${detail}.`);
    return summary;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    writeDemoStatus(dataDir, { ...status, status: 'failed', finishedAt: new Date().toISOString(), detail });
    throw error;
  }
}
