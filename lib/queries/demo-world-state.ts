// Whether this installation's demo world is loading, loaded or failed, from the status file
// the loader keeps in the data folder (lib/demo/load/demo-status.ts); `off` when there is
// none. A `loading` file whose loader process is gone is reported as interrupted.
import { env } from '../env.ts';
import { readDemoStatus } from '../demo/load/demo-status.ts';

export interface DemoWorldState {
  status: 'off' | 'loading' | 'loaded' | 'failed';
  detail?: string;
  seed?: string;
  scale?: number;
  startedAt?: string;
  finishedAt?: string;
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function demoWorldState(dataDir: string = env().THREADLINE_DATA_DIR): DemoWorldState {
  const file = readDemoStatus(dataDir);
  if (!file) return { status: 'off' };
  const { status, detail, seed, scale, startedAt, finishedAt, pid } = file;
  if (status === 'loading' && !alive(pid)) return { status: 'failed', detail: `Interrupted: the loader (pid ${pid}) is gone. Last step: ${detail}`, seed, scale, startedAt };
  return { status, detail, seed, scale, startedAt, ...(finishedAt ? { finishedAt } : {}) };
}
