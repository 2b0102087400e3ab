// `npm run demo:reset`: reloads the demo world into the running `npm start` of this data
// folder (THREADLINE_DATA_DIR, default .data). It signals that process (SIGUSR2), which
// stops the worker and the simulators, empties the business data (users, connectors and
// their credentials, and reference data are kept), starts them afresh and loads the demo
// world again; this command follows the progress through GET /api/v1/health and exits 0
// when the world is loaded. Nothing running: it says so and exits 1 without changing anything.
import path from 'node:path';
import { ConfigError, parseEnv } from '../lib/env.ts';
import { readDemoStatus } from '../lib/demo/load/demo-status.ts';
import { readRunningStack } from '../lib/runtime/demo-world.ts';

const say = (line: string) => process.stdout.write(line + '\n');

interface HealthAnswer {
  status?: string;
  demo?: { status: string; detail?: string };
  detail?: string;
}

async function health(baseUrl: string): Promise<HealthAnswer | undefined> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as HealthAnswer & { details?: { checks?: unknown } };
    return body;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const config = parseEnv();
  const dataDir = path.resolve(process.cwd(), config.THREADLINE_DATA_DIR);
  const stack = readRunningStack(dataDir);
  if (!stack || !alive(stack.pid) || !(await health(stack.baseUrl))) {
    say(`Threadline is not running for ${path.relative(process.cwd(), dataDir) || dataDir}: start it with \`npm start\` (an empty database loads the demo world by itself), then run \`npm run demo:reset\` again. Nothing was changed.`);
    return 1;
  }
  const before = await health(stack.baseUrl);
  if (before?.demo?.status === 'loading') {
    say(`The demo world is being loaded right now (${before.demo.detail ?? ''}); wait for it, then reset if you still want to.`);
    return 1;
  }
  say(`Resetting the demo world of the Threadline at ${stack.baseUrl} (npm start, pid ${stack.pid}): the business data is emptied and loaded again; users, connectors and their credentials stay.`);
  // This reset's progress is read from the status file npm start writes (demo-world.json),
  // not from health: health answers 503 while the worker is restarting, and a reset that
  // fails at once (before anything loads) must still be reported as failed.
  const signalledAt = new Date().toISOString();
  process.kill(stack.pid, 'SIGUSR2');
  const deadline = Date.now() + 15 * 60_000;
  const refusedAfter = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const demo = readDemoStatus(dataDir);
    const ours = demo && (demo.startedAt ?? '') >= signalledAt ? demo : undefined;
    if (!ours) {
      if (Date.now() > refusedAfter) {
        say('npm start did not take up the reset (DEMO_WORLD off for that installation?): see its console. Nothing was changed.');
        return 1;
      }
      continue;
    }
    if (ours.detail && ours.detail !== last && ours.status === 'loading') say(`  ${(last = ours.detail)}`);
    if (ours.status === 'loaded') {
      say(`Demo world loaded: ${ours.detail ?? ''}.`);
      return 0;
    }
    if (ours.status === 'failed') {
      say(`The demo world failed to load: ${ours.detail ?? 'see the npm start console'}.`);
      return 1;
    }
  }
  say('The reset did not finish within 15 minutes; see the npm start console.');
  return 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.problems.join(' ') : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
