// What `npm start` does for every simulator it runs (tax engine, ERP, PSA): pick its port,
// and point the connector that calls it at it — endpoint, bearer token (kept across
// restarts), and for command targets the permission to call a loopback address (outbox
// delivery refuses private targets otherwise). All through audited services, and only
// when something differs. A connector an administrator aimed at a real system (an
// endpoint not on this machine) is left alone.
import { randomBytes } from 'node:crypto';
import { applicationSecretKey } from '../crypto/application-key.ts';
import { decryptSecret } from '../crypto/secret-box.ts';
import { db } from '../db/client.ts';
import type { SystemKind } from '../db/generated/enums.ts';
import type { ConnectorActor } from '../services/connectors/connector-audit.ts';
import { setConnectorEndpoint } from '../services/connectors/set-connector-endpoint.ts';
import { setConnectorOutboundPolicy } from '../services/connectors/set-outbound-policy.ts';
import { setConnectorOutboundToken } from '../services/connectors/set-outbound-token.ts';
import { findFreePort, isPortFree } from './ports.ts';

/**
 * A simulator on this machine is not a vendor's rate-limited API: the connector default
 * (4 in flight, 10 requests/s, for real systems) made the demo world's month ends wait
 * seconds for invoice postings and cash applications. Its fault knobs still play 429s.
 */
const SIMULATOR_POLICY = { allowPrivate: true, maxConcurrency: 8, ratePerSecond: 200 } as const;

/** What happened to the connector: pointed at the simulator now, already pointing at it, kept on a real system, or there is none. */
export type SimulatorConnectorState = 'pointed' | 'unchanged' | 'kept-real-endpoint' | 'absent';

export async function pointConnectorAtSimulator(options: {
  code: string;
  kind: SystemKind;
  url: string;
  tokenPrefix: string;
  /** Outbox targets need it: their simulator listens on 127.0.0.1. */
  allowPrivate?: boolean;
  actor: ConnectorActor;
  now: Date;
}): Promise<{ token: string; connector: SimulatorConnectorState }> {
  const { code, url, actor, now } = options;
  const newToken = () => `${options.tokenPrefix}${randomBytes(32).toString('base64url')}`;
  const connector = await db().connector.findUnique({
    where: { code },
    select: { kind: true, endpoint: true, secrets: { where: { purpose: 'OUTBOUND_TOKEN', revokedAt: null }, orderBy: { activeFrom: 'desc' }, take: 1, select: { encryptedSecret: true } } },
  });
  if (!connector || connector.kind !== options.kind) return { token: newToken(), connector: 'absent' };
  if (connector.endpoint !== null && !isLocalEndpoint(connector.endpoint)) return { token: newToken(), connector: 'kept-real-endpoint' };

  // Keep the stored token across restarts, so a restart changes only the port (if at all).
  const token = readable(connector.secrets[0]?.encryptedSecret) ?? newToken();
  const endpoint = await setConnectorEndpoint({ code, endpoint: url, actor, now });
  const stored = await setConnectorOutboundToken({ code, token, actor, now });
  const policy = options.allowPrivate ? await setConnectorOutboundPolicy({ code, policy: SIMULATOR_POLICY, actor, now }) : { changed: false };
  return { token, connector: endpoint.changed || stored.changed || policy.changed ? 'pointed' : 'unchanged' };
}

/** `explicit` when free (else an error naming `envName`), otherwise the first free port from `first` not in `avoid`. */
export async function chooseSimulatorPort(options: { explicit?: number; avoid: number[]; first: number; envName: string }): Promise<number> {
  const { explicit, avoid } = options;
  if (explicit !== undefined) {
    if (avoid.includes(explicit) || !(await isPortFree(explicit))) {
      throw new Error(`${options.envName} ${explicit} is already in use; choose another port or leave ${options.envName} unset.`);
    }
    return explicit;
  }
  // The web app does not listen yet when this runs, so its port must be skipped explicitly.
  for (let from = options.first; ; ) {
    const port = await findFreePort(from);
    if (!avoid.includes(port)) return port;
    from = port + 1;
  }
}

/** Loopback endpoints are what an earlier simulator left; anything else is a real system. */
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
