// The command-line entry shared by the simulators (simulators/<name>/main.ts). Reads
//   <PREFIX>_TOKEN            bearer token callers (Threadline) must present (≥ 16 characters)
//   <PREFIX>_PORT, _HOST      where it listens (127.0.0.1 by default)
//   THREADLINE_INGEST_URL     where it sends events (e.g. http://127.0.0.1:3000/api/v1/events)
//   <PREFIX>_CONNECTOR_TOKEN, <PREFIX>_SIGNING_SECRET, <PREFIX>_SOURCE
//                             as whom it sends them (its connector in Threadline); no events without a token
//   <PREFIX>_LOG_REQUESTS     one line per command
// and the fault knobs of faults.ts (<PREFIX>_LATENCY_MS …). SIGTERM/SIGINT stop it cleanly.
import type { EmitterTarget } from './event-emitter.ts';
import { faultsFromEnv, type SimulatorFaults } from './faults.ts';
import type { RunningSimulator, StartSimulatorOptions } from './server.ts';

export interface SimulatorCli<F = SimulatorFaults, S extends Pick<RunningSimulator, 'url' | 'stop'> & { faults(): unknown } = RunningSimulator> {
  name: string;
  prefix: string;
  defaultPort: number;
  /** The CloudEvents source it sends as; a simulator without one sends no events. */
  defaultSource?: string;
  /** Its fault knobs from the environment; the kit's by default. */
  readFaults?: (env: Record<string, string | undefined>) => F;
  start(options: Pick<StartSimulatorOptions, 'port' | 'token' | 'host'> & { faults: F; events?: EmitterTarget; onRequest?: (summary: Record<string, unknown>) => void }): Promise<S>;
}

export function runSimulatorCli<F, S extends Pick<RunningSimulator, 'url' | 'stop'> & { faults(): unknown }>(cli: SimulatorCli<F, S>, env: Record<string, string | undefined> = process.env): void {
  const line = (msg: string, fields: Record<string, unknown> = {}) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), service: cli.name, msg, ...fields }) + '\n');
  const main = async () => {
    const token = env[`${cli.prefix}_TOKEN`];
    if (!token) throw new Error(`Set ${cli.prefix}_TOKEN: the bearer token callers must present (at least 16 characters).`);
    const portText = env[`${cli.prefix}_PORT`] ?? String(cli.defaultPort);
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${cli.prefix}_PORT must be a port number, not "${portText}".`);
    const connectorToken = env[`${cli.prefix}_CONNECTOR_TOKEN`];
    const ingestUrl = env.THREADLINE_INGEST_URL;
    const source = env[`${cli.prefix}_SOURCE`] || cli.defaultSource;
    const events = connectorToken && ingestUrl && source ? { ingestUrl, token: connectorToken, signingSecret: env[`${cli.prefix}_SIGNING_SECRET`] || undefined, source } : undefined;
    const logRequests = ['true', '1', 'yes'].includes(env[`${cli.prefix}_LOG_REQUESTS`] ?? '');

    const simulator = await cli.start({
      port,
      token,
      host: env[`${cli.prefix}_HOST`] || '127.0.0.1',
      faults: cli.readFaults ? cli.readFaults(env) : (faultsFromEnv(cli.prefix, env) as F),
      events,
      onRequest: logRequests ? (summary) => line('command', summary) : undefined,
    });
    line(`${cli.name} simulator listening`, { url: simulator.url, faults: simulator.faults(), ...(cli.defaultSource ? { events: events ? { ingestUrl: events.ingestUrl, source: events.source } : 'off' } : {}) });

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      await simulator.stop();
      line(`${cli.name} simulator stopped`, { signal });
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
