// Revokes one signing secret of a connector at once (e.g. after a leak, or to end a
// rotation's overlap early), named by its id or its fingerprint. Safe to repeat: a
// revoked secret stays revoked with its first revocation time. Revoking the last secret
// turns signature checks off for the connector: it then sends unsigned requests.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { forgetConnectorCredentials } from '../../ingest/auth/credential-cache.ts';
import { auditConnectorChange, type ConnectorActor } from './connector-audit.ts';
import { findConnectorForUpdate } from './find-connector-for-update.ts';
import { isUuid } from '../../http/is-uuid.ts';


export interface RevokedSecret {
  code: string;
  id: string;
  fingerprint: string;
  revokedAt: Date;
  /** Inbound secrets of the connector left unrevoked. */
  remaining: number;
}

export async function revokeConnectorSecret(options: { code: string; secret: string; actor: ConnectorActor; now?: Date }): Promise<RevokedSecret> {
  const { code, actor, now = new Date() } = options;
  const secret = options.secret.trim();
  if (!secret) throw new AppError('VALIDATION_FAILED', 'Name the secret to revoke by its id or fingerprint.');

  const revoked = await db().$transaction(async (tx) => {
    const connector = await findConnectorForUpdate(tx, code);
    const matches = await tx.connectorSecret.findMany({
      where: { connectorId: connector.id, purpose: 'INBOUND_SIGNING', ...(isUuid(secret) ? { id: secret } : { fingerprint: secret }) },
      select: { id: true, fingerprint: true, revokedAt: true },
    });
    if (matches.length === 0) throw new AppError('NOT_FOUND', `Connector ${code} has no signing secret ${secret}.`);
    if (matches.length > 1) throw new AppError('CONFLICT', `Several secrets of connector ${code} have fingerprint ${secret}; name it by its id.`);
    const target = matches[0]!;
    const remaining = await tx.connectorSecret.count({ where: { connectorId: connector.id, purpose: 'INBOUND_SIGNING', revokedAt: null, id: { not: target.id } } });
    if (target.revokedAt) return { code, id: target.id, fingerprint: target.fingerprint, revokedAt: target.revokedAt, remaining, changed: false };

    await tx.connectorSecret.update({ where: { id: target.id }, data: { revokedAt: now } });
    await auditConnectorChange(tx, {
      actor,
      connectorId: connector.id,
      action: 'connector.secret_revoked',
      before: { secretFingerprint: target.fingerprint, revokedAt: null },
      after: { secretFingerprint: target.fingerprint, revokedAt: now.toISOString(), unrevokedSecretsLeft: remaining },
      at: now,
    });
    return { code, id: target.id, fingerprint: target.fingerprint, revokedAt: now, remaining, changed: true };
  });
  if (revoked.changed) forgetConnectorCredentials();
  const { changed: _changed, ...result } = revoked;
  return result;
}
