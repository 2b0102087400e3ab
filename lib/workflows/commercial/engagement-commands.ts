// The commands a new engagement sends (DESIGN.md §6 "Outbound"), in the same transaction:
// CREATE_CUSTOMER to the ERP while the client has no ERP id in the crosswalk, then
// CREATE_PROJECT to the ERP and to the PSA. Keys are deterministic, so a replay enqueues
// nothing twice. ERP commands of one client share an ordering key: the project is never
// delivered before its customer, nor a contract update before its project.
import type { CreateProjectPayload } from '../../outbox/commands/create-project.ts';
import { enqueueCommand } from '../../outbox/enqueue-command.ts';
import type { Tx } from '../workflow.ts';

export const erpOrderingKey = (erp: string, clientId: string) => `${erp}:client:${clientId}`;

export interface EngagementCommandsInput {
  targets: { erp: string; psa: string };
  client: { id: string; name: string; legalName: string | null; billToLegalEntityCode: string; billingCurrency: string | null; parentId: string | null; sourceSystem: string | null; externalId: string | null };
  project: CreateProjectPayload;
  held: { amount: string; currency: string };
  correlationId: string;
  eventId: string;
}

/** Returns how many commands were newly enqueued. */
export async function enqueueEngagementCommands(tx: Tx, input: EngagementCommandsInput): Promise<number> {
  const { targets, client, project, held, correlationId, eventId } = input;
  const common = { correlationId, causedByEventId: eventId, heldAmount: held };
  let created = 0;

  const erpCustomer = await tx.externalRef.findFirst({ where: { system: targets.erp, entityType: 'Client', entityId: client.id }, select: { id: true } });
  if (!erpCustomer) {
    const command = await enqueueCommand(tx, {
      ...common,
      connectorCode: targets.erp,
      kind: 'CREATE_CUSTOMER',
      idempotencyKey: `${targets.erp}:create-customer:${client.id}`,
      orderingKey: erpOrderingKey(targets.erp, client.id),
      entityType: 'Client',
      entityId: client.id,
      payload: {
        clientId: client.id,
        name: client.name,
        legalName: client.legalName,
        billToLegalEntityCode: client.billToLegalEntityCode,
        billingCurrency: client.billingCurrency,
        parentClientId: client.parentId,
        origin: client.sourceSystem && client.externalId ? { system: client.sourceSystem, externalId: client.externalId } : null,
      },
    });
    if (command.created) created += 1;
  }
  const projectCommands = [
    { connectorCode: targets.erp, orderingKey: erpOrderingKey(targets.erp, client.id) },
    { connectorCode: targets.psa, orderingKey: `${targets.psa}:engagement:${project.engagementId}` },
  ];
  for (const target of projectCommands) {
    const command = await enqueueCommand(tx, {
      ...common,
      ...target,
      kind: 'CREATE_PROJECT',
      idempotencyKey: `${target.connectorCode}:create-project:${project.engagementId}`,
      entityType: 'Engagement',
      entityId: project.engagementId,
      payload: project,
    });
    if (command.created) created += 1;
  }
  return created;
}
