// The part of `npm start` that runs the simulated ERP and PSA (simulators/erp,
// simulators/psa) as supervised children: the `erp` and `psa` connectors are pointed at
// them (endpoint, outbound token, allowed to be on 127.0.0.1 — simulator-connector.ts),
// and each simulator gets its connector's inbound credentials from the dev credentials so
// it can send its events (q2c.invoice.posted.v1, q2c.project.created.v1) to Threadline.
// Off with COMMAND_SIMULATORS=false (real ERP/PSA configured).
import type { SystemKind } from '../db/generated/enums.ts';
import { faultEnvNames } from '../../simulators/kit/faults.ts';
import type { DemoConnectorCredentials } from '../services/connectors/seed-demo-connectors.ts';
import { chooseSimulatorPort, pointConnectorAtSimulator, type SimulatorConnectorState } from './simulator-connector.ts';
import type { ChildSpec } from './supervisor.ts';

interface SimulatorKind {
  name: 'erp' | 'psa';
  kind: SystemKind;
  prefix: 'ERP_SIM' | 'PSA_SIM';
  firstPort: number;
  source: string;
}

export const commandSimulatorKinds: readonly SimulatorKind[] = [
  { name: 'erp', kind: 'ERP', prefix: 'ERP_SIM', firstPort: 4020, source: '/demo/erp' },
  { name: 'psa', kind: 'PSA', prefix: 'PSA_SIM', firstPort: 4030, source: '/demo/psa' },
];

export interface CommandSimulator {
  name: 'erp' | 'psa';
  prefix: string;
  port: number;
  url: string;
  token: string;
  connector: SimulatorConnectorState;
  /** As whom it sends events; none without dev credentials for its connector. */
  events?: { token: string; signingSecret?: string; source: string };
}

export async function prepareCommandSimulators(options: {
  avoidPorts: number[];
  credentials?: Record<string, DemoConnectorCredentials>;
  ports?: Partial<Record<'erp' | 'psa', number>>;
  now?: Date;
}): Promise<CommandSimulator[]> {
  const avoid = [...options.avoidPorts];
  const now = options.now ?? new Date();
  const result: CommandSimulator[] = [];
  for (const sim of commandSimulatorKinds) {
    const port = await chooseSimulatorPort({ explicit: options.ports?.[sim.name], avoid, first: sim.firstPort, envName: `${sim.prefix}_PORT` });
    avoid.push(port);
    const url = `http://127.0.0.1:${port}`;
    const pointed = await pointConnectorAtSimulator({ code: sim.name, kind: sim.kind, url, tokenPrefix: `tl_${sim.name}sim_`, allowPrivate: true, actor: { type: 'SYSTEM', id: `${sim.name}-simulator` }, now });
    const credentials = options.credentials?.[sim.name];
    const source = credentials?.sources.includes(sim.source) ? sim.source : credentials?.sources[0];
    result.push({
      name: sim.name,
      prefix: sim.prefix,
      port,
      url,
      ...pointed,
      ...(credentials && source ? { events: { token: credentials.token, signingSecret: credentials.signingSecret, source } } : {}),
    });
  }
  return result;
}

/** The child: its port and token, its connector's credentials to send events, its fault knobs; none of Threadline's secrets. */
export function commandSimulatorChild(simulator: CommandSimulator, options: { root: string; ingestUrl: string; parentEnv?: Record<string, string | undefined> }): ChildSpec {
  const parentEnv = options.parentEnv ?? process.env;
  const { prefix } = simulator;
  const passThrough = ['PATH', 'HOME', 'TMPDIR', `${prefix}_LOG_REQUESTS`, ...faultEnvNames(prefix)];
  const env = Object.fromEntries(passThrough.filter((name) => parentEnv[name] !== undefined).map((name) => [name, parentEnv[name]]));
  const events = simulator.events
    ? {
        THREADLINE_INGEST_URL: options.ingestUrl,
        [`${prefix}_CONNECTOR_TOKEN`]: simulator.events.token,
        [`${prefix}_SOURCE`]: simulator.events.source,
        ...(simulator.events.signingSecret ? { [`${prefix}_SIGNING_SECRET`]: simulator.events.signingSecret } : {}),
      }
    : {};
  return {
    name: simulator.name,
    command: process.execPath,
    args: ['--import', 'tsx', `simulators/${simulator.name}/main.ts`],
    env: { ...env, NODE_ENV: 'production', [`${prefix}_PORT`]: String(simulator.port), [`${prefix}_TOKEN`]: simulator.token, ...events },
    cwd: options.root,
  };
}

/** The banner line's parenthesis. */
export function describeCommandSimulator(simulator: CommandSimulator): string {
  if (simulator.connector === 'kept-real-endpoint') return `simulator; the ${simulator.name} connector keeps its real endpoint`;
  if (simulator.connector === 'absent') return `simulator; no ${simulator.name} connector calls it`;
  return simulator.events ? `simulator; sends events as ${simulator.events.source}` : 'simulator; sends no events (no demo credentials)';
}
