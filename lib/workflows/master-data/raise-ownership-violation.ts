// OWNERSHIP_VIOLATION (DESIGN.md §6): a connected system sent changes to fields another
// system owns. The changes are not applied; the exception names each field and its owner
// and is linked to the event. One exception per entity counts the repeats.
import type { EntityType } from '../../db/generated/enums.ts';
import type { RefusedField } from '../../domain/stewardship/decide-field-changes.ts';
import { raiseException } from '../../services/exceptions/raise-exception.ts';
import type { Tx, WorkflowEvent } from '../workflow.ts';
import type { MasterDataSender } from './sender.ts';

export async function raiseOwnershipViolation(
  tx: Tx,
  options: {
    event: WorkflowEvent;
    sender: MasterDataSender;
    entityType: EntityType;
    /** The canonical id, or the sender's id when the entity is not known yet. */
    entityId: string;
    externalId: string;
    refused: readonly RefusedField[];
    legalEntityId?: string | null;
    now: Date;
  },
): Promise<void> {
  const { event, sender, entityType, entityId, externalId, refused, now } = options;
  const fields = refused.map((r) => `${r.field} (owned by ${r.owner})`).join(', ');
  await raiseException(tx, {
    code: 'OWNERSHIP_VIOLATION',
    entityType,
    entityId,
    correlationId: event.correlationId,
    legalEntityId: options.legalEntityId ?? null,
    title: `${sender.system} (${sender.kind}) tried to change ${entityType} ${externalId}: ${fields}`,
    details: { sender: sender.system, senderKind: sender.kind, externalId, eventType: event.type, refused: refused.map((r) => ({ ...r })) },
    inboxEventId: event.inboxEventId,
    raisedBy: 'worker',
    now,
  });
}
