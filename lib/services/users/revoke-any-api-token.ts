// An admin revokes anyone's personal API token (a leaked token, someone who left). The
// owner's own revocation does the work (safe to repeat); the admin's act is audited on
// the token, naming its owner and prefix, never the token.
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { currentCorrelationId } from '../../log.ts';
import { isUuid } from '../../queries/shared/decimal-fields.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { revokeApiToken } from '../revoke-api-token.ts';

export async function revokeAnyApiToken(options: { tokenId: string; actorId: string; now?: Date }): Promise<{ id: string; revokedAt: Date }> {
  const { tokenId, actorId, now = new Date() } = options;
  if (!isUuid(tokenId)) throw new AppError('NOT_FOUND', 'No such API token.');
  const token = await db().apiToken.findUnique({ where: { id: tokenId }, select: { userId: true, prefix: true, revokedAt: true } });
  if (!token) throw new AppError('NOT_FOUND', 'No such API token.');
  const revoked = await revokeApiToken({ userId: token.userId, tokenId, now });
  if (!token.revokedAt) {
    await db().$transaction((tx) =>
      writeAudit(tx, { actor: { type: 'USER', id: actorId }, entityType: 'ApiToken', entityId: tokenId, action: 'api_token.revoked_by_admin', before: { owner: token.userId, prefix: token.prefix }, after: { revokedAt: revoked.revokedAt.toISOString() }, correlationId: currentCorrelationId() ?? null, at: now }),
    );
  }
  return revoked;
}
