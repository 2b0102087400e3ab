// The references a client update carries as the sender's keys: the bill-to legal entity
// by code, the parent by the sender's client id. Unresolvable ones hold the event
// (DESIGN.md §6): INVALID_LEGAL_ENTITY, or CLIENT_NOT_MASTERED for a parent that is
// unknown or would make the hierarchy loop.
import { resolveExternalRef } from '../../services/crosswalk/resolve-external-ref.ts';
import { WorkflowHold, type Tx } from '../workflow.ts';
import { mappedValue } from './mapped-value.ts';

const MAX_HIERARCHY_DEPTH = 50;

export interface HoldTarget {
  /** The client's id, or the sender's id when it does not exist yet. */
  entityId: string;
  externalId: string;
}

/** The sender's code goes through its value mapping first (a fix picked in triage). */
export async function resolveBillTo(tx: Tx, sent: string, target: HoldTarget, system: string): Promise<string> {
  const code = await mappedValue(tx, { system, entityType: 'LegalEntity', canonicalField: 'code', externalValue: sent });
  const entity = await tx.legalEntity.findUnique({ where: { code }, select: { id: true, active: true } });
  if (entity?.active) return entity.id;
  throw new WorkflowHold({
    code: 'INVALID_LEGAL_ENTITY',
    entityType: 'Client',
    entityId: target.entityId,
    title: `Client ${target.externalId}: bill-to legal entity "${sent}" is ${entity ? 'inactive' : 'unknown'}`,
    details: { billToLegalEntityCode: sent, externalId: target.externalId, system },
  });
}

/** The parent's canonical id (null clears the parent). `clientId` is null for a client being created. */
export async function resolveParent(tx: Tx, options: { system: string; parentExternalId: string | null; clientId: string | null; target: HoldTarget }): Promise<string | null> {
  const { system, parentExternalId, clientId, target } = options;
  if (parentExternalId === null) return null;
  const hold = (why: string) =>
    new WorkflowHold({
      code: 'CLIENT_NOT_MASTERED',
      entityType: 'Client',
      entityId: target.entityId,
      title: `Client ${target.externalId}: parent ${parentExternalId} ${why}`,
      details: { parentExternalId, externalId: target.externalId, system },
    });
  const parentId = await resolveExternalRef(tx, { system, entityType: 'Client', externalId: parentExternalId });
  if (!parentId) throw hold(`is not known to Threadline as a ${system} client`);
  if (clientId === null) return parentId;

  // Walk up from the parent: reaching the client itself means the hierarchy would loop.
  let cursor: string | null = parentId;
  for (let depth = 0; cursor !== null && depth < MAX_HIERARCHY_DEPTH; depth++) {
    if (cursor === clientId) throw hold('would make the client its own ancestor');
    const row: { parentId: string | null } | null = await tx.client.findUnique({ where: { id: cursor }, select: { parentId: true } });
    cursor = row?.parentId ?? null;
  }
  if (cursor !== null) throw hold(`has a hierarchy deeper than ${MAX_HIERARCHY_DEPTH} levels`);
  return parentId;
}
