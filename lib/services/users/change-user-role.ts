// An admin changes a person's role (DESIGN.md §11: ADMIN manages users). Lock, check, act:
// the user row is locked, the same role again is a success that changes nothing, and the
// last active admin cannot be demoted (nobody could manage users any more). Audited with
// before and after. Personal API tokens carry the new role at once; a browser session
// keeps the role it signed in with until it ends (sessions are short).
import { db } from '../../db/client.ts';
import type { Role } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import { currentCorrelationId } from '../../log.ts';
import { isUuid } from '../../queries/shared/decimal-fields.ts';
import { writeAudit } from '../audit/write-audit.ts';

export interface ChangeUserRoleOptions {
  userId: string;
  role: Role;
  /** The admin making the change. */
  actorId: string;
}

export async function changeUserRole(options: ChangeUserRoleOptions): Promise<{ id: string; role: Role; changed: boolean }> {
  const { userId, role, actorId } = options;
  if (!isUuid(userId)) throw new AppError('NOT_FOUND', 'No such person.');
  return db().$transaction(async (tx) => {
    // Every role change locks the active admins first, in one order, so two admins demoting
    // each other at once cannot both pass the last-admin check.
    await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
    const [user] = await tx.$queryRaw<{ id: string; role: Role; active: boolean; email: string }[]>`SELECT id::text AS id, role::text AS role, active, email FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    if (!user) throw new AppError('NOT_FOUND', 'No such person.');
    if (user.role === role) return { id: user.id, role, changed: false };
    if (user.role === 'ADMIN' && user.active) {
      const admins = await tx.user.count({ where: { role: 'ADMIN', active: true } });
      if (admins <= 1) throw new AppError('CONFLICT', `${user.email} is the last active admin; make someone else an admin first.`);
    }
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await writeAudit(tx, {
      actor: { type: 'USER', id: actorId },
      entityType: 'User',
      entityId: user.id,
      action: 'user.role_changed',
      before: { role: user.role },
      after: { role },
      correlationId: currentCorrelationId() ?? null,
    });
    return { id: user.id, role, changed: true };
  });
}
