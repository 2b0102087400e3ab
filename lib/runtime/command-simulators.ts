// The part of `npm start` that runs the simulated connected systems (simulators/erp, psa,
// crm, hcm, payments, bank) as supervised children. The `erp`, `psa` and `crm` connectors,
// which Threadline sends commands to (the CRM: corrections from triage), are pointed at theirs (endpoint, outbound token, allowed to
// be on 127.0.0.1 — simulator-connector.ts); the others only send. Each simulator gets its
// connector's inbound credentials from the dev credentials so it can send its events
// (invoice posted, project created, quote accepted, employee updated; Stripe webhooks;
// camt.053 statements) to Threadline. Off with COMMAND_SIMULATORS=false (real systems configured).
import { randomBytes } from 'node:crypto';
import type { SystemKind } from '../db/generated/enums.ts';
import { faultEnvNames } from '../../simulators/kit/faults.ts';
import type { DemoConnectorCredentials } from '../services/connectors/seed-demo-connectors.ts';
import { chooseSimulatorPort, pointConnectorAtSimulator, type SimulatorConnectorState } from './simulator-connector.ts';
import type { ChildSpec } from './supervisor.ts';

type SimulatorName = 'erp' | 'psa' | 'crm' | 'hcm' | 'payments' | 'bank';

interface SimulatorKind {
  name: SimulatorName;
  kind: SystemKind;
  prefix: string;
  firstPort: number;
  source: string;
  /** Threadline sends it commands (outbox), so its connector is pointed at it. */
  commandTarget: boolean;
}

export const commandSimulatorKinds: readonly SimulatorKind[] = [
  { name: 'erp', kind: 'ERP', prefix: 'ERP_SIM', firstPort: 4020, source: '/demo/erp', commandTarget: true },
  { name: 'psa', kind: 'PSA', prefix: 'PSA_SIM', firstPort: 4030, source: '/demo/psa', commandTarget: true },
  { name: 'payments', kind: 'PAYMENTS', prefix: 'PAYMENTS_SIM', firstPort: 4040, source: '/demo/payments', commandTarget: false },
  { name: 'bank', kind: 'BANK', prefix: 'BANK_SIM', firstPort: 4050, source: '/demo/bank', commandTarget: false },
  { name: 'hcm', kind: 'HCM', prefix: 'HCM_SIM', firstPort: 4060, source: '/demo/hcm', commandTarget: false },
  { name: 'crm', kind: 'CRM', prefix: 'CRM_SIM', firstPort: 4070, source: '/demo/crm', commandTarget: true },
];

/** The ports the configuration pins with <PREFIX>_PORT (ERP_SIM_PORT, HCM_SIM_PORT…), by simulator. */
export function pinnedSimulatorPorts(config: Partial<Record<string, unknown>>): Partial<Record<SimulatorName, number>> {
  return Object.fromEntries(
    commandSimulatorKinds.flatMap((sim) => {
      const port = config[`${sim.prefix}_PORT`];
      return typeof port === 'number' ? [[sim.name, port]] : [];
    }),
  );
}

export interface CommandSimulator {
  name: SimulatorName;
  prefix: string;
  port: number;
  url: string;
  token: string;
  /** `not-called`: Threadline sends it nothing, so its connector is left as it is. */
  connector: SimulatorConnectorState | 'not-called';
  /** As whom it sends events; none without dev credentials for its connector. */
  events?: { token: string; signingSecret?: string; source: string };
}

export async function prepareCommandSimulators(options: {
  avoidPorts: number[];
  credentials?: Record<string, DemoConnectorCredentials>;
  ports?: Partial<Record<SimulatorName, number>>;
  now?: Date;
}): Promise<CommandSimulator[]> {
  const avoid = [...options.avoidPorts];
  const now = options.now ?? new Date();
  const result: CommandSimulator[] = [];
  for (const sim of commandSimulatorKinds) {
    const port = await chooseSimulatorPort({ explicit: options.ports?.[sim.name], avoid, first: sim.firstPort, envName: `${sim.prefix}_PORT` });
    avoid.push(port);
    const url = `http://127.0.0.1:${port}`;
    const pointed = sim.commandTarget
      ? await pointConnectorAtSimulator({ code: sim.name, kind: sim.kind, url, tokenPrefix: `tl_${sim.name}sim_`, allowPrivate: true, actor: { type: 'SYSTEM', id: `${sim.name}-simulator` }, now })
      : { token: `tl_${sim.name}sim_${randomBytes(32).toString('base64url')}`, connector: 'not-called' as const };
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
