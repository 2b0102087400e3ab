// Turns a personal API token into the Principal of its owner, or null when the token is
// unknown, revoked, expired or belongs to a deactivated person. The role is read from
// the user row on every call, so a role change applies to existing tokens at once.
import { db } from '../db/client.ts';
import { log } from '../log.ts';
import { hashApiToken, looksLikeApiToken } from './api-token.ts';
import type { Principal } from './principal.ts';

// lastUsedAt is informational; writing it on every API call would turn reads into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function resolveApiToken(options: { token: string; now?: Date }): Promise<Principal | null> {
  const { token, now = new Date() } = options;
  if (!looksLikeApiToken(token)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!row || row.revokedAt || !row.user.active) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return null;

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchLastUsed(row.id, now);
  }
  return { kind: 'user', userId: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role, via: 'token' };
}

async function touchLastUsed(tokenId: string, now: Date): Promise<void> {
  const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  try {
    // The condition in the WHERE makes concurrent requests write at most once a minute.
    await db().apiToken.updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: threshold } }] },
      data: { lastUsedAt: now },
    });
  } catch (error) {
    // Failing to record usage must not fail the request that is using the token.
    log.warn('could not record personal token use', { tokenId, err: error });
  }
}
