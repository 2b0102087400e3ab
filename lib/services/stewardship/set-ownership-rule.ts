// An ADMIN sets which system owns a field (or "*") of a canonical entity. Creates the rule
// or changes its owner/note; repeating the same call changes nothing and writes no audit.
// The unique (domain, field) and INSERT ... ON CONFLICT DO NOTHING make concurrent calls safe.
import { db } from '../../db/client.ts';
import type { EntityType, SystemKind } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import type { OwnershipRuleView } from '../../queries/stewardship/list-ownership-rules.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { isOwnableField } from './ownable-fields.ts';

const select = { id: true, domain: true, field: true, owningSystem: true, note: true, updatedAt: true } as const;

export async function setOwnershipRule(options: {
  userId: string;
  domain: EntityType;
  field: string;
  owningSystem: SystemKind;
  /** undefined keeps the current note; null clears it. */
  note?: string | null;
  correlationId?: string;
}): Promise<{ rule: OwnershipRuleView; changed: boolean }> {
  const { userId, domain, field, owningSystem, note, correlationId } = options;
  if (!isOwnableField(domain, field)) {
    throw new AppError('VALIDATION_FAILED', `${domain} has no field "${field}" that can be owned.`, {
      details: { errors: [{ pointer: '/field', message: `Use "*" or a field of ${domain}.` }] },
    });
  }
  const actor = { type: 'USER' as const, id: userId };

  return db().$transaction(async (tx) => {
    const { count } = await tx.ownershipRule.createMany({ data: [{ domain, field, owningSystem, note: note ?? null }], skipDuplicates: true });
    const key = { domain_field: { domain, field } };
    if (count === 1) {
      const rule = await tx.ownershipRule.findUniqueOrThrow({ where: key, select });
      await writeAudit(tx, { actor, entityType: 'OwnershipRule', entityId: rule.id, action: 'ownership_rule.created', after: { domain, field, owningSystem, note: rule.note }, correlationId });
      return { rule, changed: true };
    }

    // Lock the row so that two admins changing the same rule audit in order.
    await tx.$queryRaw`SELECT 1 FROM "OwnershipRule" WHERE "domain" = ${domain}::"EntityType" AND "field" = ${field} FOR UPDATE`;
    const current = await tx.ownershipRule.findUniqueOrThrow({ where: key, select });
    const nextNote = note === undefined ? current.note : note;
    if (current.owningSystem === owningSystem && current.note === nextNote) return { rule: current, changed: false };

    const rule = await tx.ownershipRule.update({ where: key, data: { owningSystem, note: nextNote }, select });
    await writeAudit(tx, {
      actor,
      entityType: 'OwnershipRule',
      entityId: rule.id,
      action: 'ownership_rule.updated',
      before: { domain, field, owningSystem: current.owningSystem, note: current.note },
      after: { domain, field, owningSystem, note: nextNote },
      correlationId,
    });
    return { rule, changed: true };
  });
}
