// Runs Threadline for the benchmark exactly as `npm start` does (scripts/start.ts: embedded
// PostgreSQL, migrations, demo connectors, the production web app and the worker) in a
// fresh data folder on its own port, and pauses/resumes the worker process (SIGSTOP/SIGCONT:
// its connections stay open and idle, it does nothing until resumed).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { childNamed } from './cpu.ts';

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  connectors: Record<string, { token: string; signingSecret?: string; sources: string[] }>;
  webPid: number;
  workerPid: number;
  /** The postmaster (its backends are its children). */
  postgresPid: number;
  logFile: string;
  stop(): Promise<void>;
}

export async function startStack(options: { dataDir: string; port: number; env: Record<string, string>; startTimeoutMs?: number }): Promise<Stack> {
  const { dataDir, port } = options;
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'stack.log');
  const log = openSync(logFile, 'a');
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port), THREADLINE_DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'EMBEDDED_PG_PORT', 'NEXTAUTH_URL', 'SEED_DEMO_USERS']) delete env[name];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: process.cwd(), env, stdio: ['ignore', log, log] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  let stopped = false;
  let workerPid: number | undefined;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      // A paused worker would not see the SIGTERM start.ts sends it.
      if (workerPid) resumeQuietly(workerPid);
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
  };

  // start.ts prints its summary (with the worker's pid) once /api/v1/health answers 200.
  const deadline = Date.now() + (options.startTimeoutMs ?? 240_000);
  for (;;) {
    const text = readFileSync(logFile, 'utf8');
    const running = /Threadline is running[\s\S]*?Web\s+pid (\d+)\s+Worker\s+pid (\d+)/.exec(text);
    if (running) {
      const credentials = JSON.parse(readFileSync(path.join(dataDir, 'dev-credentials.json'), 'utf8')) as Pick<Stack, 'baseUrl' | 'databaseUrl' | 'connectors'>;
      workerPid = Number(running[2]);
      const postgresPid = childNamed(child.pid!, 'postgres');
      if (!postgresPid) {
        await stop();
        throw new Error('The embedded PostgreSQL is not a child of scripts/start.ts (was DATABASE_URL set?).');
      }
      return { ...credentials, baseUrl: `http://127.0.0.1:${port}`, webPid: Number(running[1]), workerPid, postgresPid, logFile, stop };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Threadline did not start (see ${logFile}):\n${text.split('\n').slice(-15).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Pauses the worker between two of its transactions: after SIGSTOP, no session may be
 * left "idle in transaction" (it would hold row locks or a snapshot while frozen). While
 * it still works off a backlog (a slow drain on a busy machine) its batch loops are almost
 * never all outside a transaction, so it keeps trying until the backlog is done or the
 * deadline passes.
 */
export async function pauseWorker(stack: Stack, client: pg.Client, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    process.kill(stack.workerPid, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const open = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
    );
    if (open.rows[0]!.n === '0') return;
    process.kill(stack.workerPid, 'SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
  }
  throw new Error(`Could not pause the worker outside a transaction within ${timeoutMs / 1000} s.`);
}

export function resumeWorker(stack: Stack): void {
  process.kill(stack.workerPid, 'SIGCONT');
}

function resumeQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // already gone
  }
}

/** Removes the data folder (and the PostgreSQL files it links to, when they live elsewhere as root). */
export function removeDataDir(dataDir: string): void {
  const pgDir = path.join(dataDir, 'postgres');
  if (existsSync(pgDir) && lstatSync(pgDir).isSymbolicLink()) rmSync(path.dirname(realpathSync(pgDir)), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
