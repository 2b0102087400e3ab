// Loads and decrypts a connector's inbound signing secrets (those not revoked; expiry is
// judged at use), through the short-lived cache in credential-cache.ts.
import { applicationSecretKey } from '../../crypto/application-key.ts';
import { decryptSecret } from '../../crypto/secret-box.ts';
import { db } from '../../db/client.ts';
import { log } from '../../log.ts';
import { CREDENTIAL_CACHE_TTL_MS, secretCache, type SigningSecrets } from './credential-cache.ts';
import type { SigningSecret } from './signature.ts';

export interface EncryptedSigningSecret {
  id: string;
  encryptedSecret: string;
  activeFrom: Date;
  expiresAt: Date | null;
}

export const inboundSecretsWhere = { purpose: 'INBOUND_SIGNING', revokedAt: null } as const;
export const encryptedSecretSelect = { id: true, encryptedSecret: true, activeFrom: true, expiresAt: true } as const;

/** Decrypts the rows and caches the result for the connector. */
export function rememberSigningSecrets(connectorId: string, rows: readonly EncryptedSigningSecret[], now: Date): SigningSecrets {
  const secrets: SigningSecret[] = [];
  let unreadable = 0;
  if (rows.length > 0) {
    const key = applicationSecretKey();
    for (const row of rows) {
      try {
        secrets.push({ id: row.id, secret: decryptSecret(row.encryptedSecret, key), activeFrom: row.activeFrom, expiresAt: row.expiresAt });
      } catch (error) {
        unreadable++;
        log.error('a connector signing secret cannot be decrypted with this server key', { connectorId, secretId: row.id, err: error });
      }
    }
  }
  const value = { secrets, unreadable };
  secretCache.set(connectorId, value, now.getTime() + CREDENTIAL_CACHE_TTL_MS);
  return value;
}

export async function signingSecretsOf(connectorId: string, now: Date): Promise<SigningSecrets> {
  const cached = secretCache.get(connectorId, now.getTime());
  if (cached) return cached;
  const rows = await db().connectorSecret.findMany({ where: { connectorId, ...inboundSecretsWhere }, select: encryptedSecretSelect });
  return rememberSigningSecrets(connectorId, rows, now);
}
