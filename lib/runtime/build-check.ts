// Decides whether the production build in .next/ is missing or older than the sources,
// so that `npm start` builds only when it has to.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const SOURCE_ROOTS = ['app', 'components', 'lib', 'public', 'next.config.js', 'postcss.config.mjs', 'package-lock.json', 'proxy.ts', 'middleware.ts', 'instrumentation.ts'];
const SKIP = new Set(['node_modules', '.next', '.data', 'generated']);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (SKIP.has(child) || child.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export type BuildState = { state: 'missing' } | { state: 'stale'; changed: string } | { state: 'current' };

export function buildState(root: string): BuildState {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return { state: 'missing' };
  const builtAt = statSync(buildId).mtimeMs;
  for (const source of SOURCE_ROOTS) {
    if (newestMtime(path.join(root, source)) > builtAt) return { state: 'stale', changed: source };
  }
  return { state: 'current' };
}

/** Runs `next build` in root with its output on this terminal; true when it succeeded. */
export function buildNow(root: string): boolean {
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [next, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' },
  });
  return result.status === 0;
}
