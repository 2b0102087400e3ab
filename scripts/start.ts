// `npm start`: one command for the whole of Threadline. Builds the app when needed,
// starts the embedded PostgreSQL (or checks DATABASE_URL), applies migrations, seeds
// the demo users, then runs the web app, the worker and the simulators (tax engine, ERP,
// PSA, CRM, HCM, payment gateway, bank), says where everything is, and loads the demo
// world into an empty database (docs/DEMO.md; SIGUSR2 from `npm run demo:reset` reloads it).
// Ctrl-C / SIGTERM stops the children first, then PostgreSQL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseEnv, type Env } from '../lib/env.ts';
import { applyMigrations } from '../lib/db/migrations/apply-migrations.ts';
import { buildNow, buildState } from '../lib/runtime/build-check.ts';
import { checkDatabase } from '../lib/runtime/check-database.ts';
import { resolveAuthSecret } from '../lib/runtime/auth-secret.ts';
import { resolveSecretKey } from '../lib/runtime/secret-key.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/runtime/embedded-postgres.ts';
import { isPortFree } from '../lib/runtime/ports.ts';
import { Supervisor } from '../lib/runtime/supervisor.ts';
import { waitForHealthy } from '../lib/runtime/wait-for-healthy.ts';
import { prepareDevAccess } from '../lib/runtime/prepare-dev-access.ts';
import { describeTaxEngine, prepareTaxEngineSimulator, taxEngineChild } from '../lib/runtime/tax-engine-simulator.ts';
import { commandSimulatorChild, describeCommandSimulator, pinnedSimulatorPorts, prepareCommandSimulators } from '../lib/runtime/command-simulators.ts';
import { readDevCredentials } from '../lib/runtime/dev-credentials.ts';
import { disconnectAll } from '../lib/db/client.ts';
import { demoWorldSettings, hasBusinessData, loadDemoWorldInto, writeSimulatorEndpoints } from '../lib/runtime/demo-world.ts';
import type { SimulatorEndpoints } from '../lib/demo/load/simulator-client.ts';
import { writeDemoStatus } from '../lib/demo/load/demo-status.ts';
import { emptyBusinessData } from '../lib/runtime/empty-business-data.ts';

const root = process.cwd();
const say = (line = '') => process.stdout.write(line + '\n');

class StartError extends Error {}

// A larger young generation for the web process: ingest allocates many short-lived
// objects per event, and with V8's default semi-space it spent 15–20 % of its CPU on
// scavenges (docs/PERFORMANCE.md). Costs up to ~150 MB more memory.
const WEB_NODE_OPTIONS = ['--max-semi-space-size=64'];

function ensureBuild(): void {
  const state = buildState(root);
  if (state.state === 'current') return;
  say(state.state === 'missing' ? 'No production build yet: building Threadline (about a minute)…' : `Sources changed (${state.changed}): rebuilding Threadline…`);
  if (!buildNow(root)) throw new StartError('The production build failed (see the output above); fix the error and run `npm start` again.');
}

async function main(): Promise<void> {
  let config: Env;
  try {
    config = parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartError(`Threadline cannot start: ${error.problems.join(' ')}`);
    throw error;
  }
  const dataDir = path.resolve(root, config.THREADLINE_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;

  if (!(await isPortFree(config.PORT, '0.0.0.0'))) {
    throw new StartError(`Port ${config.PORT} is already in use (is Threadline already running?); stop that process or start with PORT=<another port>.`);
  }
  ensureBuild();

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  const supervisor = new Supervisor((name, code, signal) => {
    process.stderr.write(`\nThe ${name} process exited unexpectedly (${signal ?? `code ${code}`}); stopping Threadline.\n`);
    void shutdown(1);
  });

  let shuttingDown = false;
  async function shutdown(exitCode: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    const started = supervisor.started;
    if (started) say('\nStopping Threadline…');
    await supervisor.stopAll();
    await disconnectAll().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
    if (started) say('Stopped.');
    process.exit(exitCode);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    if (!databaseUrl) {
      say(`Starting the embedded PostgreSQL (data in ${path.relative(root, dataDir) || '.'}/postgres)…`);
      embedded = await startEmbeddedPostgres({ dataDir, preferredPort: config.EMBEDDED_PG_PORT });
      databaseUrl = embedded.url;
    }
    const { serverVersion } = await checkDatabase(databaseUrl);
    // The services used below (demo users) reach the database through DATABASE_URL.
    process.env.DATABASE_URL = databaseUrl;
    const migrations = await applyMigrations({ databaseUrl });
    say(`Database ready: PostgreSQL ${serverVersion}, ${migrations.applied.length} migration(s) applied now, ${migrations.alreadyApplied} already applied.`);

    const authSecret = resolveAuthSecret(dataDir, config.NEXTAUTH_SECRET);
    // One key for this process (demo connectors below), the web app and the worker.
    const secretKey = resolveSecretKey(dataDir, config.THREADLINE_SECRET_KEY).toString('base64');
    process.env.THREADLINE_SECRET_KEY = secretKey;
    const seedDemoUsers = config.SEED_DEMO_USERS ?? Boolean(embedded);
    const credentialsFile = await prepareDevAccess({ databaseUrl, dataDir, baseUrl, seedDemoUsers });
    const demo = demoWorldSettings(config, Boolean(embedded));
    const loadDemo = demo.enabled && Boolean(credentialsFile) && !(await hasBusinessData(databaseUrl));
    if (demo.enabled && !credentialsFile) say('DEMO_WORLD is on but there are no demo users (SEED_DEMO_USERS=false): the demo world is not loaded.');
    // Said before the web app answers, so a health probe never sees "no demo" while it is about to load.
    if (loadDemo) writeDemoStatus(dataDir, { status: 'loading', seed: demo.seed, scale: demo.scale, startedAt: new Date().toISOString(), detail: 'Starting Threadline.', pid: process.pid });
    // Also with DATABASE_URL; TAX_ENGINE_SIMULATOR=false when a real tax engine is configured.
    const taxEngine = config.TAX_ENGINE_SIMULATOR === false ? undefined : await prepareTaxEngineSimulator({ port: config.TAX_ENGINE_PORT, avoidPorts: [config.PORT] });
    // The simulated ERP and PSA (outbox targets), CRM, HCM, payment gateway and bank (senders);
    // COMMAND_SIMULATORS=false when real ones are configured.
    const commandSimulators =
      config.COMMAND_SIMULATORS === false
        ? []
        : await prepareCommandSimulators({
            avoidPorts: [config.PORT, ...(taxEngine ? [taxEngine.port] : [])],
            credentials: readDevCredentials(dataDir)?.connectors,
            ports: pinnedSimulatorPorts(config),
          });

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: authSecret,
      THREADLINE_SECRET_KEY: secretKey,
      SEED_DEMO_USERS: String(seedDemoUsers),
      PORT: String(config.PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      // The demo loader stamps finance's runs on the generated year's business dates (docs/DEMO.md).
      ...(demo.enabled ? { SIMULATED_TIME: 'true' } : {}),
    };
    const worker = supervisor.start({ name: 'worker', command: process.execPath, args: ['--import', 'tsx', 'worker/index.ts'], env: { ...childEnv, THREADLINE_SERVICE: 'worker' }, cwd: root });
    const web = supervisor.start({ name: 'web', command: process.execPath, args: [...WEB_NODE_OPTIONS, '--import', 'tsx', 'scripts/web.ts'], env: { ...childEnv, THREADLINE_SERVICE: 'web' }, cwd: root });
    if (taxEngine) supervisor.start(taxEngineChild(taxEngine, root));
    for (const simulator of commandSimulators) supervisor.start(commandSimulatorChild(simulator, { root, ingestUrl: `http://127.0.0.1:${config.PORT}/api/v1/events` }));

    await waitForHealthy(`http://127.0.0.1:${config.PORT}/api/v1/health`, 90_000);
    if (taxEngine) await waitForHealthy(`${taxEngine.url}/health`, 15_000);
    for (const simulator of commandSimulators) await waitForHealthy(`${simulator.url}/health`, 15_000);
    const databaseLine = embedded
      ? `embedded PostgreSQL ${serverVersion} on 127.0.0.1:${embedded.port} (data in ${path.relative(root, dataDir)}/postgres)`
      : `PostgreSQL ${serverVersion} from DATABASE_URL`;
    say('');
    say('Threadline is running');
    say(`  Console      ${baseUrl}`);
    say(`  API          ${baseUrl}/api/v1   (health: ${baseUrl}/api/v1/health)`);
    say(`  Database     ${databaseLine}`);
    say(`  Web          pid ${web.pid}   Worker  pid ${worker.pid}`);
    if (taxEngine) say(`  Tax engine  ${taxEngine.url} (${describeTaxEngine(taxEngine)})`);
    for (const simulator of commandSimulators) say(`  ${simulator.name.toUpperCase()}         ${simulator.url} (${describeCommandSimulator(simulator)})`);
    if (credentialsFile) say(`  Credentials  ${path.relative(root, credentialsFile)} (demo users, passwords and API tokens)`);
    say('Press Ctrl-C to stop.');
    say('');

    const simulators: SimulatorEndpoints = Object.fromEntries(commandSimulators.map((sim) => [sim.name, { url: sim.url, token: sim.token }]));
    if (taxEngine) simulators.tax = { url: taxEngine.url, token: taxEngine.token };
    writeSimulatorEndpoints(dataDir, { baseUrl: `http://127.0.0.1:${config.PORT}`, pid: process.pid, simulators });
    let demoBusy = false;
    const playDemo = async () => {
      const credentials = readDevCredentials(dataDir);
      if (!credentials) return;
      demoBusy = true;
      // A failed load leaves Threadline running (the status file and health say why).
      await loadDemoWorldInto({ settings: demo, dataDir, baseUrl: `http://127.0.0.1:${config.PORT}`, credentials, simulators, say })
        .then(() => say(`Threadline is ready, with the demo world: ${baseUrl}`))
        .catch((error: unknown) => process.stderr.write(`The demo world could not be loaded: ${error instanceof Error ? error.message : String(error)}\n`))
        .finally(() => (demoBusy = false));
    };
    // `npm run demo:reset` (scripts/demo-reset.ts) asks for a reload with SIGUSR2: the worker
    // and the simulators stop, the business data is emptied, they start afresh, the world loads.
    process.on('SIGUSR2', () => {
      if (demoBusy || shuttingDown) return say('The demo world is already being loaded; reset ignored.');
      // Never empty an installation that did not ask for the demo (a real database).
      if (!demo.enabled) return say('DEMO_WORLD is off for this installation: demo:reset refused, nothing was changed.');
      demoBusy = true;
      writeDemoStatus(dataDir, { status: 'loading', seed: demo.seed, scale: demo.scale, startedAt: new Date().toISOString(), detail: 'Resetting: emptying the business data.', pid: process.pid });
      say('Resetting the demo world: stopping the worker and the simulators, emptying the business data…');
      const restarted = ['worker', ...(taxEngine ? ['tax-engine'] : []), ...commandSimulators.map((sim) => sim.name)];
      void supervisor
        .restart(restarted, () => emptyBusinessData(databaseUrl!))
        .then(async () => {
          await waitForHealthy(`http://127.0.0.1:${config.PORT}/api/v1/health`, 90_000);
          for (const endpoint of Object.values(simulators)) await waitForHealthy(`${endpoint.url}/health`, 15_000);
          await playDemo();
        })
        .catch((error: unknown) => {
          demoBusy = false;
          const detail = `The demo reset failed: ${error instanceof Error ? error.message : String(error)}`;
          writeDemoStatus(dataDir, { status: 'failed', seed: demo.seed, scale: demo.scale, startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), detail, pid: process.pid });
          process.stderr.write(`${detail}\n`);
        });
    });
    if (loadDemo) await playDemo();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\n${message}\n`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
