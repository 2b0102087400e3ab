// q2c.client.updated.v1 (DESIGN.md §5, §6): a CRM or ERP changes fields of a client it
// knows by its own id. The client is found through the id crosswalk; the sender's field
// names go through its FieldMapping rows; only fields the sender owns (OwnershipRule) and
// that actually change are applied and audited; changes to fields another system owns
// raise OWNERSHIP_VIOLATION, the owned ones still apply. Unknown fields are left out with a
// reason. A client not known yet is created when the sender owns clients ("*") and sends
// a name and a bill-to legal entity; otherwise the event is held (CLIENT_NOT_MASTERED).
import type { ClientUpdatedData } from '../ingest/schemas/client-updated.ts';
import { mapClientFields, type MappedClientFields } from '../domain/stewardship/client-fields.ts';
import { decideFieldChanges, mayChange, type OwnershipRuleLike, type RefusedField } from '../domain/stewardship/decide-field-changes.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { changedClientFields, clientColumnData, describeLeftOut, inboundClientFieldRenames, type ClientChanges } from './master-data/client-changes.ts';
import { createClient, findClient, lockClient } from './master-data/client-record.ts';
import { resolveBillTo, resolveParent, type HoldTarget } from './master-data/client-references.ts';
import { holdOnCrosswalkConflict } from './master-data/crosswalk-hold.ts';
import { raiseOwnershipViolation } from './master-data/raise-ownership-violation.ts';
import { ownershipRulesIn } from './master-data/ownership-rules.ts';
import { masterDataSender, type MasterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Tx, type Workflow, type WorkflowEvent, type WorkflowOutcome } from './workflow.ts';

export const CLIENT_UPDATED_V1 = 'q2c.client.updated.v1';

interface Step {
  tx: Tx;
  event: WorkflowEvent<ClientUpdatedData>;
  sender: MasterDataSender;
  rules: readonly OwnershipRuleLike[];
  mapped: MappedClientFields;
  now: Date;
}

export const clientUpdatedWorkflow: Workflow<ClientUpdatedData> = {
  type: CLIENT_UPDATED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { externalId, fields } = event.data;
    const sender = masterDataSender(context);
    const rules = await ownershipRulesIn(tx, 'Client');
    const mapped = mapClientFields(fields, await inboundClientFieldRenames(tx, sender.system));
    const step: Step = { tx, event, sender, rules, mapped, now };
    const notMastered = { code: 'CLIENT_NOT_MASTERED' as const, entityType: 'Client' as const, entityId: externalId };

    let clientId = await holdOnCrosswalkConflict(notMastered, () => findClient(tx, sender.system, externalId));
    if (clientId === null) {
      const created = await holdOnCrosswalkConflict(notMastered, () => createFromEvent(step));
      if (created) return created;
      // A concurrent transaction created it first: apply this event as an update.
      clientId = (await findClient(tx, sender.system, externalId))!;
    }
    return updateFromEvent(step, clientId);
  },
};

async function createFromEvent(step: Step): Promise<WorkflowOutcome | null> {
  const { tx, event, sender, rules, mapped } = step;
  const { externalId } = event.data;
  const target: HoldTarget = { entityId: externalId, externalId };
  const { name, billToLegalEntityId: billToCode, ...others } = mapped.changes;
  if (!mayChange('Client', '*', sender.kind, rules) || typeof name !== 'string' || typeof billToCode !== 'string') {
    throw new WorkflowHold({
      code: 'CLIENT_NOT_MASTERED',
      entityType: 'Client',
      entityId: externalId,
      title: `Client ${externalId} from ${sender.system} is not known to Threadline`,
      details: {
        externalId,
        system: sender.system,
        reason: mayChange('Client', '*', sender.kind, rules)
          ? 'Creating a client needs its name and billToLegalEntityCode.'
          : `${sender.kind} does not master clients: link this id to an existing client in the id crosswalk, then replay.`,
      },
    });
  }
  // The creator seeds what the row cannot exist without (name, bill-to); the rest is stewarded.
  const { apply, refused } = decideFieldChanges({ domain: 'Client', changes: others, senderKind: sender.kind, rules });
  const values: ClientChanges = { ...apply, name, billToLegalEntityId: await resolveBillTo(tx, billToCode, target, sender.system) };
  if ('parentId' in apply) values.parentId = await resolveParent(tx, { system: sender.system, parentExternalId: apply.parentId as string | null, clientId: null, target });

  const columns = clientColumnData(values) as { name: string; billToLegalEntityId: string };
  const clientId = await createClient(tx, sender.system, externalId, columns);
  if (clientId === null) return null;
  await writeAudit(tx, auditEntry(step, clientId, 'client.created', undefined, { ...values, sourceSystem: sender.system, externalId }));
  await reportRefused(step, clientId, refused, values.billToLegalEntityId as string);
  return { status: 'applied', note: ['Client created.', describeLeftOut(mapped.rejected, refused, mapped.sentAs)].filter(Boolean).join(' ') };
}

async function updateFromEvent(step: Step, clientId: string): Promise<WorkflowOutcome> {
  const { tx, event, sender, rules, mapped } = step;
  const target: HoldTarget = { entityId: clientId, externalId: event.data.externalId };
  const current = await lockClient(tx, clientId);
  const changed = await changedClientFields(tx, sender.system, current, mapped.changes);
  const { apply, refused } = decideFieldChanges({ domain: 'Client', changes: changed, senderKind: sender.kind, rules });
  const leftOut = describeLeftOut(mapped.rejected, refused, mapped.sentAs);

  if (Object.keys(apply).length === 0) {
    await reportRefused(step, clientId, refused, current.billToLegalEntityId);
    if (refused.length > 0) return { status: 'ignored', note: `${leftOut}; OWNERSHIP_VIOLATION raised.` };
    return leftOut ? { status: 'ignored', note: leftOut } : { status: 'applied', note: 'No change.' };
  }

  const values: ClientChanges = { ...apply };
  if ('billToLegalEntityId' in apply) values.billToLegalEntityId = await resolveBillTo(tx, apply.billToLegalEntityId as string, target, sender.system);
  if ('parentId' in apply) values.parentId = await resolveParent(tx, { system: sender.system, parentExternalId: apply.parentId as string | null, clientId, target });
  const before = Object.fromEntries(Object.keys(values).map((column) => [column, current[column as keyof typeof current]]));

  await tx.client.update({ where: { id: clientId }, data: clientColumnData(values) });
  await writeAudit(tx, auditEntry(step, clientId, 'client.updated', before, values));
  await reportRefused(step, clientId, refused, (values.billToLegalEntityId as string | undefined) ?? current.billToLegalEntityId);
  return { status: 'applied', note: leftOut };
}

async function reportRefused(step: Step, clientId: string, refused: RefusedField[], legalEntityId: string): Promise<void> {
  if (refused.length === 0) return;
  const { tx, event, sender, now } = step;
  await raiseOwnershipViolation(tx, { event, sender, entityType: 'Client', entityId: clientId, externalId: event.data.externalId, refused, legalEntityId, now });
}

function auditEntry(step: Step, clientId: string, action: string, before: unknown, after: unknown) {
  const { event, sender, now } = step;
  return { actor: sender.actor, entityType: 'Client' as const, entityId: clientId, action, before, after, correlationId: event.correlationId, eventId: event.inboxEventId, at: now };
}
