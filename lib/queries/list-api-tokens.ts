// A person's personal API tokens for the settings page and GET /api/v1/me/tokens. Never
// returns the hash; the display prefix is all anyone sees again after creation.
import { db } from '../db/client.ts';

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  status: ApiTokenStatus;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const LIST_LIMIT = 200;

export function apiTokenStatus(token: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export async function listApiTokens(options: { userId: string; now?: Date }): Promise<ApiTokenSummary[]> {
  const { userId, now = new Date() } = options;
  const rows = await db().apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: LIST_LIMIT,
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((row) => ({ ...row, status: apiTokenStatus(row, now) }));
}
