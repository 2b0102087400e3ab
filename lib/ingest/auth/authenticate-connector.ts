// Resolves `Authorization: Bearer <connector token>` to the sending connector, by the
// SHA-256 of the token: the current token, or the previous one while a rotation's
// overlap lasts. Positive answers are cached for CREDENTIAL_CACHE_TTL_MS (never beyond
// the previous token's expiry); concurrent misses for one token share one query.
import { bearerTokenOf } from '../../auth/api-token.ts';
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { ConnectorPrincipal } from './connector-principal.ts';
import { hashConnectorToken, looksLikeConnectorToken } from './connector-credentials.ts';
import { CREDENTIAL_CACHE_TTL_MS, tokenCache } from './credential-cache.ts';
import { encryptedSecretSelect, inboundSecretsWhere, rememberSigningSecrets } from './signing-secrets.ts';

const inFlight = new Map<string, Promise<ConnectorPrincipal | null>>();

export async function authenticateConnector(authorizationHeader: string | null, now: Date = new Date()): Promise<ConnectorPrincipal> {
  const token = bearerTokenOf(authorizationHeader);
  if (!token) {
    throw new AppError('UNAUTHENTICATED', 'Send the connector token as Authorization: Bearer <token>.', { headers: { 'www-authenticate': 'Bearer' } });
  }
  const principal = looksLikeConnectorToken(token) ? await lookUp(hashConnectorToken(token), now) : null;
  if (!principal) {
    throw new AppError('UNAUTHENTICATED', 'The connector token is invalid, rotated, or its connector is inactive.', {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  }
  return principal;
}

async function lookUp(tokenHash: string, now: Date): Promise<ConnectorPrincipal | null> {
  const cached = tokenCache.get(tokenHash, now.getTime());
  if (cached) return cached;
  let pending = inFlight.get(tokenHash);
  if (!pending) {
    pending = load(tokenHash, now).finally(() => inFlight.delete(tokenHash));
    inFlight.set(tokenHash, pending);
  }
  return pending;
}

async function load(tokenHash: string, now: Date): Promise<ConnectorPrincipal | null> {
  const row = await db().connector.findFirst({
    where: { OR: [{ tokenHash }, { previousTokenHash: tokenHash, previousTokenExpiresAt: { gt: now } }] },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      sources: true,
      ingestRateLimitPerMinute: true,
      active: true,
      tokenHash: true,
      previousTokenExpiresAt: true,
      secrets: { where: inboundSecretsWhere, select: encryptedSecretSelect },
    },
  });
  if (!row || !row.active) return null;

  const principal: ConnectorPrincipal = {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    sources: row.sources,
    ingestRateLimitPerMinute: row.ingestRateLimitPerMinute,
    requiresSignature: row.secrets.length > 0,
  };
  let until = now.getTime() + CREDENTIAL_CACHE_TTL_MS;
  if (row.tokenHash !== tokenHash && row.previousTokenExpiresAt) until = Math.min(until, row.previousTokenExpiresAt.getTime());
  tokenCache.set(tokenHash, principal, until);
  // The same query brought the secrets: the signature check that follows needs no query.
  rememberSigningSecrets(row.id, row.secrets, now);
  return principal;
}
