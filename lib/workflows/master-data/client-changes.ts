// Shared steps of the client workflow: the sender's field renames, which of the sent
// fields differ from the client as it is (only real changes are applied or reported),
// the column values to write once references are resolved, and the outcome note.
import { Prisma } from '../../db/client.ts';
import type { RefusedField } from '../../domain/stewardship/decide-field-changes.ts';
import type { ClientColumn, RejectedField } from '../../domain/stewardship/client-fields.ts';
import { sameValue } from '../../domain/stewardship/same-value.ts';
import { resolveExternalRef } from '../../services/crosswalk/resolve-external-ref.ts';
import type { Tx } from '../workflow.ts';
import type { ClientSnapshot } from './client-record.ts';

export type ClientChanges = Partial<Record<ClientColumn, unknown>>;

/** The sender's FieldMapping rows for clients (INBOUND, FIELD): its field name → canonical name. */
export async function inboundClientFieldRenames(tx: Tx, system: string): Promise<Map<string, string>> {
  const rows = await tx.fieldMapping.findMany({
    where: { system, entityType: 'Client', direction: 'INBOUND', kind: 'FIELD', active: true },
    select: { externalField: true, canonicalField: true },
  });
  return new Map(rows.map((row) => [row.externalField, row.canonicalField]));
}

/** The sent changes that differ from the client; references are compared by what they resolve to. */
export async function changedClientFields(tx: Tx, system: string, current: ClientSnapshot, changes: ClientChanges): Promise<ClientChanges> {
  const changed: ClientChanges = {};
  for (const [column, value] of Object.entries(changes) as [ClientColumn, unknown][]) {
    let differs: boolean;
    if (column === 'billToLegalEntityId') {
      differs = value !== current.billToLegalEntity.code;
    } else if (column === 'parentId') {
      const parentId = value === null ? null : await resolveExternalRef(tx, { system, entityType: 'Client', externalId: String(value) });
      // An unknown parent always counts as a change, so that applying it holds the event.
      differs = value === null ? current.parentId !== null : parentId === null || parentId !== current.parentId;
    } else {
      differs = !sameValue(value, current[column]);
    }
    if (differs) changed[column] = value;
  }
  return changed;
}

/** Prisma data for the columns: JSON null must be spelled DbNull. */
export function clientColumnData(values: ClientChanges): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([column, value]) => [column, column === 'billingAddress' && value === null ? Prisma.DbNull : value]));
}

export function describeLeftOut(rejected: readonly RejectedField[], refused: readonly RefusedField[], sentAs: Partial<Record<ClientColumn, string>>): string | undefined {
  const parts = [
    ...refused.map((r) => `${sentAs[r.field as ClientColumn] ?? r.field}: owned by ${r.owner}`),
    ...rejected.map((r) => `${r.field}: ${r.message}`),
  ];
  return parts.length > 0 ? `Not applied — ${parts.join('; ')}` : undefined;
}
