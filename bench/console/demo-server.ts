// The Threadline the console benchmark and `npm run screenshots` look at: a running one
// (<PREFIX>_URL and <PREFIX>_DATA_DIR, whose dev-credentials.json has the demo users), or
// one they start as `npm start` does in a fresh data folder, which loads the demo world.
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DemoUser } from '../../e2e/access/demo-users.ts';
import { startStack, type Stack } from '../ingest/stack.ts';

export interface DemoServer {
  baseUrl: string;
  dataDir: string;
  credentials: { databaseUrl: string; users: DemoUser[] };
  /** Set when this process started it (and must stop it). */
  stack?: Stack;
}

export async function openDemoServer(options: { envPrefix: string; folder: string; defaultPort: number; say: (line: string) => void }): Promise<DemoServer> {
  const { envPrefix, say } = options;
  let stack: Stack | undefined;
  let baseUrl = process.env[`${envPrefix}_URL`];
  let dataDir = process.env[`${envPrefix}_DATA_DIR`] ? path.resolve(process.env[`${envPrefix}_DATA_DIR`]!) : undefined;
  if (!baseUrl) {
    dataDir = path.join(os.tmpdir(), options.folder);
    rmSync(dataDir, { recursive: true, force: true });
    say(`Starting Threadline in ${dataDir} (builds when needed, loads the demo world)…`);
    stack = await startStack({ dataDir, port: Number(process.env[`${envPrefix}_PORT`] ?? options.defaultPort), env: { LOG_LEVEL: 'warn' }, startTimeoutMs: 600_000 });
    baseUrl = stack.baseUrl;
  }
  if (!dataDir) throw new Error(`${envPrefix}_URL needs ${envPrefix}_DATA_DIR: the data folder whose dev-credentials.json has the demo users.`);
  const credentials = JSON.parse(readFileSync(path.join(dataDir, 'dev-credentials.json'), 'utf8')) as DemoServer['credentials'];
  return { baseUrl, dataDir, credentials, stack };
}
