// Stores the bearer token Threadline presents when it calls a connector (the tax engine's
// API key): a ConnectorSecret with purpose OUTBOUND_TOKEN, encrypted with the application
// key because we must send the plaintext. Setting a new one revokes the previous ones at
// once (the connected system issued the new key; the old one is dead to it). Safe to
// repeat: the same token again changes nothing. Audited by fingerprint, never the value.
import { applicationSecretKey } from '../../crypto/application-key.ts';
import { decryptSecret, encryptSecret } from '../../crypto/secret-box.ts';
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { secretFingerprint } from '../../ingest/auth/connector-credentials.ts';
import { auditConnectorChange, type ConnectorActor } from './connector-audit.ts';
import { findConnectorForUpdate } from './find-connector-for-update.ts';

export interface SetOutboundTokenResult {
  code: string;
  fingerprint: string;
  changed: boolean;
}

export async function setConnectorOutboundToken(options: { code: string; token: string; actor: ConnectorActor; now?: Date }): Promise<SetOutboundTokenResult> {
  const { code, token, actor, now = new Date() } = options;
  if (token.length < 16 || token.length > 4096 || /\s/.test(token)) {
    throw new AppError('VALIDATION_FAILED', 'An outbound token is 16 to 4096 characters without spaces.');
  }
  const fingerprint = secretFingerprint(token);
  const key = applicationSecretKey();

  return db().$transaction(async (tx) => {
    const connector = await findConnectorForUpdate(tx, code);
    const current = await tx.connectorSecret.findMany({
      where: { connectorId: connector.id, purpose: 'OUTBOUND_TOKEN', revokedAt: null },
      select: { id: true, fingerprint: true, encryptedSecret: true },
    });
    if (current.length === 1 && current[0]!.fingerprint === fingerprint && opensTo(current[0]!.encryptedSecret, token, key)) {
      return { code, fingerprint, changed: false };
    }
    if (current.length > 0) await tx.connectorSecret.updateMany({ where: { id: { in: current.map((s) => s.id) } }, data: { revokedAt: now } });
    await tx.connectorSecret.create({
      data: { connectorId: connector.id, purpose: 'OUTBOUND_TOKEN', encryptedSecret: encryptSecret(token, key), fingerprint, activeFrom: now, createdAt: now },
    });
    await auditConnectorChange(tx, {
      actor,
      connectorId: connector.id,
      action: 'connector.outbound_token_set',
      before: { outboundTokenFingerprints: current.map((s) => s.fingerprint) },
      after: { outboundTokenFingerprint: fingerprint },
      at: now,
    });
    return { code, fingerprint, changed: true };
  });
}

function opensTo(encrypted: string, plaintext: string, key: Buffer): boolean {
  try {
    return decryptSecret(encrypted, key) === plaintext;
  } catch {
    return false;
  }
}
