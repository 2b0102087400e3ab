// The part of `npm start` that runs the simulated tax engine (simulators/tax-engine) as a
// supervised child and makes Threadline call it: the `tax` connector's endpoint points at
// it and its bearer token is stored as the connector's OUTBOUND_TOKEN (both through audited
// services, and only when they differ). A connector an administrator aimed at a real
// engine (an endpoint that is not on this machine) is left alone.
import { randomBytes } from 'node:crypto';
import { applicationSecretKey } from '../crypto/application-key.ts';
import { decryptSecret } from '../crypto/secret-box.ts';
import { db } from '../db/client.ts';
import type { ConnectorActor } from '../services/connectors/connector-audit.ts';
import { setConnectorEndpoint } from '../services/connectors/set-connector-endpoint.ts';
import { setConnectorOutboundToken } from '../services/connectors/set-outbound-token.ts';
import { findFreePort, isPortFree } from './ports.ts';
import type { ChildSpec } from './supervisor.ts';

export const TAX_ENGINE_FIRST_PORT = 4010;
const actor: ConnectorActor = { type: 'SYSTEM', id: 'tax-engine-simulator' };

export interface TaxEngineSimulator {
  port: number;
  url: string;
  token: string;
  /** What happened to the connector: pointed at the simulator now, already pointing at it, kept on a real engine, or there is none. */
  connector: 'pointed' | 'unchanged' | 'kept-real-endpoint' | 'absent';
}

export async function prepareTaxEngineSimulator(options: { port?: number; avoidPorts?: number[]; connectorCode?: string; now?: Date }): Promise<TaxEngineSimulator> {
  const { connectorCode = 'tax', avoidPorts = [], now = new Date() } = options;
  const port = await choosePort(options.port, avoidPorts);
  const url = `http://127.0.0.1:${port}`;

  const connector = await db().connector.findUnique({
    where: { code: connectorCode },
    select: { kind: true, endpoint: true, secrets: { where: { purpose: 'OUTBOUND_TOKEN', revokedAt: null }, orderBy: { activeFrom: 'desc' }, take: 1, select: { encryptedSecret: true } } },
  });
  if (!connector || connector.kind !== 'TAX') return { port, url, token: newToken(), connector: 'absent' };
  if (connector.endpoint !== null && !isLocalEndpoint(connector.endpoint)) return { port, url, token: newToken(), connector: 'kept-real-endpoint' };

  // Keep the stored token across restarts, so a restart changes only the port (if at all).
  const token = readable(connector.secrets[0]?.encryptedSecret) ?? newToken();
  const endpoint = await setConnectorEndpoint({ code: connectorCode, endpoint: url, actor, now });
  const stored = await setConnectorOutboundToken({ code: connectorCode, token, actor, now });
  return { port, url, token, connector: endpoint.changed || stored.changed ? 'pointed' : 'unchanged' };
}

/**
 * The child process. Its environment is the minimum: a tax engine is another system and
 * gets none of Threadline's secrets (database URL, session and application keys).
 */
export function taxEngineChild(simulator: TaxEngineSimulator, root: string, parentEnv: Record<string, string | undefined> = process.env): ChildSpec {
  const passThrough = ['PATH', 'HOME', 'TMPDIR', 'TAX_ENGINE_LATENCY_MS', 'TAX_ENGINE_ERROR_RATE', 'TAX_ENGINE_429_RATE', 'TAX_ENGINE_OUTAGE', 'TAX_ENGINE_LOG_REQUESTS'];
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

async function choosePort(explicit: number | undefined, avoid: number[]): Promise<number> {
  if (explicit !== undefined) {
    if (avoid.includes(explicit) || !(await isPortFree(explicit))) {
      throw new Error(`TAX_ENGINE_PORT ${explicit} is already in use; choose another port or leave TAX_ENGINE_PORT unset.`);
    }
    return explicit;
  }
  // The web app does not listen yet when this runs, so its port must be skipped explicitly.
  for (let from = TAX_ENGINE_FIRST_PORT; ; ) {
    const port = await findFreePort(from);
    if (!avoid.includes(port)) return port;
    from = port + 1;
  }
}

/** Loopback endpoints are what an earlier simulator left; anything else is a real engine. */
function isLocalEndpoint(endpoint: string): boolean {
  try {
    const { protocol, hostname } = new URL(endpoint);
    return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
  } catch {
    return false;
  }
}

function readable(sealed: string | undefined): string | undefined {
  if (!sealed) return undefined;
  try {
    return decryptSecret(sealed, applicationSecretKey());
  } catch {
    return undefined; // another key (a reset data dir): a new token replaces it
  }
}

function newToken(): string {
  return `tl_taxsim_${randomBytes(32).toString('base64url')}`;
}
