// Who an exception can be assigned to: an active person whose role may see the queue
// (an executive cannot work an exception they cannot open).
import { can } from '../../auth/permissions.ts';
import type { Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { isUuid } from '../../http/is-uuid.ts';


export async function resolveAssignee(tx: Prisma.TransactionClient, userId: string): Promise<string> {
  const user = isUuid(userId) ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true } }) : null;
  if (!user || !user.active || !can(user.role, 'exceptions:read')) {
    throw new AppError('VALIDATION_FAILED', 'The assignee must be an active person who can see the exception queue.', {
      details: { errors: [{ pointer: '/assigneeId', message: 'Not an active person who can work exceptions.' }] },
    });
  }
  return user.id;
}
