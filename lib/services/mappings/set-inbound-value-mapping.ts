// Writes one value mapping of a connected system (FieldMapping INBOUND VALUE): the
// sender's value → ours, e.g. CRM SKU "ADVISORY-SR" → catalog SKU "ADV-SENIOR". Upsert on
// the table's natural key, so choosing again replaces the earlier choice; audited with
// before and after. The caller checks the permission (mappings:fix) and the value.
import type { Prisma } from '../../db/client.ts';
import type { EntityType } from '../../db/generated/enums.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';

export interface InboundValueMapping {
  system: string;
  entityType: EntityType;
  canonicalField: string;
  externalValue: string;
  canonicalValue: string;
}

export async function setInboundValueMapping(
  tx: Prisma.TransactionClient,
  options: InboundValueMapping & { actor: AuditActor; correlationId?: string | null; now: Date },
): Promise<{ id: string; changed: boolean }> {
  const { system, entityType, canonicalField, externalValue, canonicalValue, actor, correlationId, now } = options;
  const key = { system, entityType, direction: 'INBOUND', kind: 'VALUE', canonicalField, externalValue } as const;
  const before = await tx.fieldMapping.findUnique({ where: { system_entityType_direction_kind_canonicalField_externalValue: key }, select: { canonicalValue: true, active: true } });
  const row = await tx.fieldMapping.upsert({
    where: { system_entityType_direction_kind_canonicalField_externalValue: key },
    create: { ...key, externalField: canonicalField, canonicalValue },
    update: { canonicalValue, active: true },
    select: { id: true },
  });
  const changed = before?.canonicalValue !== canonicalValue || before?.active !== true;
  if (changed) {
    await writeAudit(tx, {
      actor,
      entityType: 'FieldMapping',
      entityId: row.id,
      action: before ? 'field-mapping.updated' : 'field-mapping.created',
      before: before ?? undefined,
      after: { ...key, canonicalValue, active: true },
      correlationId,
      at: now,
    });
  }
  return { id: row.id, changed };
}
