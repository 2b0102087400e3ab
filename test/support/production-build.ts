// The production build the tests that run Threadline's real processes need (the web server,
// `npm start`). Test files run in parallel processes and `next build` refuses a second
// build in the same folder, so the build is taken under a lock directory: the first file
// builds, the others wait for it and then find the build current.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildNow, buildState } from '../../lib/runtime/build-check.ts';

const STALE_MS = 15 * 60_000;

export async function ensureProductionBuild(root: string): Promise<void> {
  const lock = path.join(root, '.data', 'next-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed test run would otherwise block every later run.
      const takenAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (takenAt !== undefined && Date.now() - takenAt > STALE_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  try {
    if (buildState(root).state !== 'current' && !buildNow(root)) throw new Error('next build failed (see the output above)');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
