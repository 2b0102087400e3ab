// The part of `npm start` that runs the simulated tax engine (simulators/tax-engine) as a
// supervised child and makes Threadline call it: the `tax` connector's endpoint points at
// it and its bearer token is stored as the connector's OUTBOUND_TOKEN (both through audited
// services, and only when they differ). A connector an administrator aimed at a real
// engine (an endpoint that is not on this machine) is left alone.
import type { ConnectorActor } from '../services/connectors/connector-audit.ts';
import { faultEnvNames } from '../../simulators/kit/faults.ts';
import { chooseSimulatorPort, pointConnectorAtSimulator, type SimulatorConnectorState } from './simulator-connector.ts';
import type { ChildSpec } from './supervisor.ts';

export const TAX_ENGINE_FIRST_PORT = 4010;
const actor: ConnectorActor = { type: 'SYSTEM', id: 'tax-engine-simulator' };

export interface TaxEngineSimulator {
  port: number;
  url: string;
  token: string;
  connector: SimulatorConnectorState;
}

export async function prepareTaxEngineSimulator(options: { port?: number; avoidPorts?: number[]; connectorCode?: string; now?: Date }): Promise<TaxEngineSimulator> {
  const { connectorCode = 'tax', avoidPorts = [], now = new Date() } = options;
  const port = await chooseSimulatorPort({ explicit: options.port, avoid: avoidPorts, first: TAX_ENGINE_FIRST_PORT, envName: 'TAX_ENGINE_PORT' });
  const url = `http://127.0.0.1:${port}`;
  const pointed = await pointConnectorAtSimulator({ code: connectorCode, kind: 'TAX', url, tokenPrefix: 'tl_taxsim_', allowPrivate: true, actor, now });
  return { port, url, ...pointed };
}

/**
 * The child process. Its environment is the minimum: a tax engine is another system and
 * gets none of Threadline's secrets (database URL, session and application keys).
 */
export function taxEngineChild(simulator: TaxEngineSimulator, root: string, parentEnv: Record<string, string | undefined> = process.env): ChildSpec {
  const passThrough = ['PATH', 'HOME', 'TMPDIR', ...faultEnvNames('TAX_ENGINE'), 'TAX_ENGINE_LOG_REQUESTS'];
  const env = Object.fromEntries(passThrough.filter((name) => parentEnv[name] !== undefined).map((name) => [name, parentEnv[name]]));
  return {
    name: 'tax-engine',
    command: process.execPath,
    args: ['--import', 'tsx', 'simulators/tax-engine/main.ts'],
    env: { ...env, NODE_ENV: 'production', TAX_ENGINE_PORT: String(simulator.port), TAX_ENGINE_TOKEN: simulator.token },
    cwd: root,
  };
}

/** The banner's parenthesis: "simulator", plus why Threadline does not call it when it does not. */
export function describeTaxEngine(simulator: TaxEngineSimulator): string {
  if (simulator.connector === 'kept-real-endpoint') return 'simulator; the tax connector keeps its real endpoint';
  if (simulator.connector === 'absent') return 'simulator; no tax connector calls it';
  return 'simulator';
}
