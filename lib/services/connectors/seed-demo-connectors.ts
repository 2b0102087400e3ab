// The demo connectors of the embedded installation (DESIGN.md §5): one per connected
// system the simulators play, each with a token and a signing secret for
// .data/dev-credentials.json. Safe to repeat: credentials from the previous file that
// still verify are kept; anything missing or no longer valid is rotated at once.
import { applicationSecretKey } from '../../crypto/application-key.ts';
import { decryptSecret } from '../../crypto/secret-box.ts';
import { db } from '../../db/client.ts';
import type { SystemKind } from '../../db/generated/enums.ts';
import { isAppError } from '../../errors.ts';
import { hashConnectorToken, secretFingerprint } from '../../ingest/auth/connector-credentials.ts';
import { isSecretCurrent } from '../../ingest/auth/signature.ts';
import { log } from '../../log.ts';
import type { ConnectorActor } from './connector-audit.ts';
import { createConnector } from './create-connector.ts';
import { rotateConnector } from './rotate-connector.ts';

export const demoConnectors: { code: string; name: string; kind: SystemKind; sources: string[] }[] = [
  { code: 'crm', name: 'Demo CRM and CPQ', kind: 'CRM', sources: ['/demo/crm', '/demo/cpq'] },
  { code: 'psa', name: 'Demo PSA and time tool', kind: 'PSA', sources: ['/demo/psa', '/demo/time'] },
  { code: 'erp', name: 'Demo ERP', kind: 'ERP', sources: ['/demo/erp'] },
  { code: 'hcm', name: 'Demo HCM', kind: 'HCM', sources: ['/demo/hcm'] },
  { code: 'tax', name: 'Demo tax engine', kind: 'TAX', sources: ['/demo/tax'] },
  { code: 'payments', name: 'Demo payment gateway', kind: 'PAYMENTS', sources: ['/demo/payments'] },
  { code: 'bank', name: 'Demo bank', kind: 'BANK', sources: ['/demo/bank'] },
];

export interface DemoConnectorCredentials {
  token: string;
  signingSecret?: string;
  sources: string[];
}

const actor: ConnectorActor = { type: 'SYSTEM', id: 'dev-seed' };

export async function seedDemoConnectors(options: { previous?: Record<string, DemoConnectorCredentials>; now?: Date } = {}): Promise<Record<string, DemoConnectorCredentials>> {
  const { previous = {}, now = new Date() } = options;
  const result: Record<string, DemoConnectorCredentials> = {};
  for (const demo of demoConnectors) {
    try {
      result[demo.code] = await ensureDemoConnector(demo, previous[demo.code], now);
    } catch (error) {
      // e.g. someone registered /demo/crm for another connector: the rest still works.
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
      log.warn('demo connector skipped', { code: demo.code, reason: error.message });
    }
  }
  return result;
}

async function ensureDemoConnector(demo: (typeof demoConnectors)[number], previous: DemoConnectorCredentials | undefined, now: Date): Promise<DemoConnectorCredentials> {
  const existing = await db().connector.findUnique({
    where: { code: demo.code },
    select: { tokenHash: true, sources: true, secrets: { where: { purpose: 'INBOUND_SIGNING', revokedAt: null }, select: { encryptedSecret: true, fingerprint: true, activeFrom: true, expiresAt: true } } },
  });
  if (!existing) {
    const created = await createConnector({ ...demo, withSigningSecret: true, actor, now });
    return { token: created.token, signingSecret: created.signingSecret ?? undefined, sources: created.sources };
  }

  const token =
    previous?.token && hashConnectorToken(previous.token) === existing.tokenHash
      ? previous.token
      : (await rotateConnector({ code: demo.code, what: 'token', overlapHours: 0, actor, now })).token;
  const previousSecret = previous?.signingSecret;
  const secretStillVerifies =
    previousSecret !== undefined &&
    existing.secrets.some((s) => isSecretCurrent(s, now) && s.fingerprint === secretFingerprint(previousSecret) && opensTo(s.encryptedSecret, previousSecret));
  const signingSecret = secretStillVerifies
    ? previousSecret
    : (await rotateConnector({ code: demo.code, what: 'secret', overlapHours: 0, actor, now })).signingSecret;
  return { token, signingSecret, sources: existing.sources };
}

/** True when the stored secret decrypts, with this installation's key, to `plaintext`. */
function opensTo(encryptedSecret: string, plaintext: string): boolean {
  try {
    return decryptSecret(encryptedSecret, applicationSecretKey()) === plaintext;
  } catch {
    return false;
  }
}
