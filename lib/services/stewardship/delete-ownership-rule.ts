// An ADMIN removes an ownership rule: the field falls back to the domain's "*" rule, or
// to no stewardship at all. Safe to repeat: deleting a rule that is not there succeeds
// and writes no audit (the conditional delete decides, not a prior read).
import { db } from '../../db/client.ts';
import type { EntityType } from '../../db/generated/enums.ts';
import { writeAudit } from '../audit/write-audit.ts';

export async function deleteOwnershipRule(options: { userId: string; domain: EntityType; field: string; correlationId?: string }): Promise<{ deleted: boolean }> {
  const { userId, domain, field, correlationId } = options;
  return db().$transaction(async (tx) => {
    const rule = await tx.ownershipRule.findUnique({ where: { domain_field: { domain, field } } });
    if (!rule) return { deleted: false };
    const { count } = await tx.ownershipRule.deleteMany({ where: { id: rule.id } });
    if (count === 0) return { deleted: false }; // a concurrent delete won
    await writeAudit(tx, {
      actor: { type: 'USER', id: userId },
      entityType: 'OwnershipRule',
      entityId: rule.id,
      action: 'ownership_rule.deleted',
      before: { domain, field, owningSystem: rule.owningSystem, note: rule.note },
      correlationId,
    });
    return { deleted: true };
  });
}
