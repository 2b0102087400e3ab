// Every personal API token with its owner, for the admin area: newest first, bounded,
// never the hash (the display prefix is all anyone sees after creation).
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { apiTokenStatus, type ApiTokenSummary } from './list-api-tokens.ts';

export type OwnedApiToken = ApiTokenSummary & { owner: { id: string; email: string; role: Role } };

export const ALL_TOKENS_LIMIT = 500;

export async function listAllApiTokens(options: { now?: Date } = {}): Promise<OwnedApiToken[]> {
  const now = options.now ?? new Date();
  const rows = await db().apiToken.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: ALL_TOKENS_LIMIT,
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true, user: { select: { id: true, email: true, role: true } } },
  });
  return rows.map(({ user, ...row }) => ({ ...row, status: apiTokenStatus(row, now), owner: user }));
}
