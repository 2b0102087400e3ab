// Replaces a connector's bearer token or signing secret without a gap. The new value is
// returned once; the old one keeps working for `overlapHours` (default 24) so the
// connected system can switch over, and 0 ends it at once (a leaked credential).
// Token: the old hash moves to previousTokenHash until previousTokenExpiresAt; only one
// previous token is kept, so a second rotation ends the first one's overlap.
// Secret: a new secret is added and every current one expires at now + overlap; during
// the overlap a request signed with either verifies.
import { db } from '../../db/client.ts';
import { generateConnectorToken } from '../../ingest/auth/connector-credentials.ts';
import { forgetConnectorCredentials } from '../../ingest/auth/credential-cache.ts';
import { auditConnectorChange, type ConnectorActor } from './connector-audit.ts';
import { DEFAULT_OVERLAP_HOURS, parseConnectorInput, rotateConnectorSchema } from './connector-rules.ts';
import { findConnectorForUpdate } from './find-connector-for-update.ts';
import { addSigningSecret } from './signing-secret-rows.ts';

export type RotatedToken = { what: 'token'; code: string; token: string; tokenPrefix: string; previousValidUntil: Date | null };
export type RotatedSecret = { what: 'secret'; code: string; signingSecret: string; fingerprint: string; previousValidUntil: Date | null };
export type RotatedCredential = RotatedToken | RotatedSecret;

export interface RotateConnectorOptions {
  code: string;
  what: 'token' | 'secret';
  overlapHours?: number;
  /** Secret only: the value the sender issued (Stripe's whsec_…) instead of a generated one. */
  secret?: string;
  actor: ConnectorActor;
  now?: Date;
}

export function rotateConnector(options: RotateConnectorOptions & { what: 'token' }): Promise<RotatedToken>;
export function rotateConnector(options: RotateConnectorOptions & { what: 'secret' }): Promise<RotatedSecret>;
export function rotateConnector(options: RotateConnectorOptions): Promise<RotatedCredential>;
export async function rotateConnector(options: RotateConnectorOptions): Promise<RotatedCredential> {
  const { code, actor, now = new Date() } = options;
  const { what, overlapHours, secret } = parseConnectorInput(rotateConnectorSchema, { what: options.what, overlapHours: options.overlapHours ?? DEFAULT_OVERLAP_HOURS, secret: options.secret });
  const until = new Date(now.getTime() + Math.round(overlapHours * 3_600_000));
  const overlapUntil = overlapHours > 0 ? until : null;

  const rotated = await db().$transaction(async (tx): Promise<RotatedCredential> => {
    const connector = await findConnectorForUpdate(tx, code);
    if (what === 'token') {
      const { token, tokenHash, displayPrefix } = generateConnectorToken();
      await tx.connector.update({
        where: { id: connector.id },
        data: { tokenHash, tokenPrefix: displayPrefix, previousTokenHash: overlapUntil ? connector.tokenHash : null, previousTokenExpiresAt: overlapUntil, updatedAt: now },
      });
      await auditConnectorChange(tx, {
        actor,
        connectorId: connector.id,
        action: 'connector.token_rotated',
        before: { tokenPrefix: connector.tokenPrefix },
        after: { tokenPrefix: displayPrefix, previousTokenValidUntil: overlapUntil?.toISOString() ?? null },
        at: now,
      });
      return { what, code, token, tokenPrefix: displayPrefix, previousValidUntil: overlapUntil };
    }

    // Secrets that would outlive the overlap are cut to it; ones ending sooner keep their end.
    const current = await tx.connectorSecret.findMany({
      where: { connectorId: connector.id, purpose: 'INBOUND_SIGNING', revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, fingerprint: true, expiresAt: true },
    });
    const cut = current.filter((s) => s.expiresAt === null || s.expiresAt > until);
    if (cut.length > 0) await tx.connectorSecret.updateMany({ where: { id: { in: cut.map((s) => s.id) } }, data: { expiresAt: until } });
    const added = await addSigningSecret(tx, { connectorId: connector.id, now, ...(secret ? { secret } : {}) });
    await auditConnectorChange(tx, {
      actor,
      connectorId: connector.id,
      action: 'connector.secret_rotated',
      before: { currentSecretFingerprints: current.map((s) => s.fingerprint) },
      after: { addedSecretFingerprint: added.fingerprint, previousSecretsValidUntil: current.length > 0 ? until.toISOString() : null },
      at: now,
    });
    return { what, code, signingSecret: added.signingSecret, fingerprint: added.fingerprint, previousValidUntil: current.length > 0 ? overlapUntil : null };
  });
  forgetConnectorCredentials();
  return rotated;
}
