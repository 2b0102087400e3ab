// Starts the web app and the worker as child processes of `npm start`, prefixes their
// output, notices when one dies, and stops them all (SIGTERM, then SIGKILL after a grace
// period) so that no process outlives the command.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface Running {
  spec: ChildSpec;
  process: ChildProcess;
  exited: Promise<number | null>;
}

export class Supervisor {
  private readonly running: Running[] = [];
  private stopping = false;
  /** Children being stopped on purpose (restart): their exit is not a failure. */
  private readonly leaving = new Set<ChildProcess>();

  constructor(private readonly onUnexpectedExit: (name: string, code: number | null, signal: NodeJS.Signals | null) => void) {}

  /** True once any child has been started. */
  get started(): boolean {
    return this.running.length > 0;
  }

  start(spec: ChildSpec): ChildProcess {
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = `[${spec.name}] `;
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      if (stream) readline.createInterface({ input: stream }).on('line', (line) => out.write(prefix + line + '\n'));
    }
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code, signal) => {
        if (!this.stopping && !this.leaving.has(child)) this.onUnexpectedExit(spec.name, code, signal);
        resolve(code);
      });
      child.once('error', (error) => {
        process.stderr.write(`${prefix}could not start: ${error.message}\n`);
        if (!this.stopping) this.onUnexpectedExit(spec.name, null, null);
        resolve(null);
      });
    });
    this.running.push({ spec, process: child, exited });
    return child;
  }

  /** Stops the named children and starts them again with the same spec (demo:reset). */
  async restart(names: readonly string[], between: () => Promise<void> = async () => undefined, graceMs = 10_000): Promise<void> {
    const chosen = this.running.filter((r) => names.includes(r.spec.name));
    await Promise.all(
      chosen.map(async ({ process: child, exited }) => {
        this.leaving.add(child);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(killer);
        }
      }),
    );
    for (const gone of chosen) this.running.splice(this.running.indexOf(gone), 1);
    try {
      await between();
    } finally {
      // Whatever `between` did, the children come back: a failed reset must not leave
      // Threadline without its worker.
      for (const { spec } of chosen) this.start(spec);
    }
  }

  /** Stops every child; resolves when all have exited. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.running.map(async ({ process: child, exited }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(killer);
      }),
    );
  }
}
