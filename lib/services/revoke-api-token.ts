// Revokes one of a person's own personal API tokens. Safe to repeat: revoking a revoked
// token succeeds and keeps the first revocation time. Someone else's token is "not
// found", so ids cannot be probed.
import { db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { isUuid } from '../http/is-uuid.ts';


export async function revokeApiToken(options: { userId: string; tokenId: string; now?: Date }): Promise<{ id: string; revokedAt: Date }> {
  const { userId, tokenId, now = new Date() } = options;
  if (!isUuid(tokenId)) throw new AppError('NOT_FOUND', 'No such API token.');
  // The revokedAt condition makes the check and the change one statement.
  await db().apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: now } });
  const token = await db().apiToken.findFirst({ where: { id: tokenId, userId }, select: { id: true, revokedAt: true } });
  if (!token?.revokedAt) throw new AppError('NOT_FOUND', 'No such API token.');
  return { id: token.id, revokedAt: token.revokedAt };
}
