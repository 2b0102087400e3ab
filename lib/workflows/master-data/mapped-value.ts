// A sender's code for a reference entity, translated by its FieldMapping (system = sender,
// INBOUND, VALUE): e.g. the CRM's legal entity "UK-LTD" → our "GB01". A value without a
// mapping is taken as ours. Triage writes these mappings when a person picks the value
// inline (lib/services/exceptions/fix-exception-inline.ts); a replay then reads them here.
import type { EntityType } from '../../db/generated/enums.ts';
import type { Tx } from '../workflow.ts';

export async function mappedValue(tx: Tx, options: { system: string; entityType: EntityType; canonicalField: string; externalValue: string }): Promise<string> {
  const { system, entityType, canonicalField, externalValue } = options;
  const mapping = await tx.fieldMapping.findFirst({
    where: { system, entityType, direction: 'INBOUND', kind: 'VALUE', canonicalField, externalValue, active: true },
    select: { canonicalValue: true },
  });
  return mapping?.canonicalValue ?? externalValue;
}
