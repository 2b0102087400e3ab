// First acceptance of a quote (DESIGN.md §6), after validation: the client (created when
// new), Quote + QuoteVersion + lines, the id crosswalk link, contract, SOW v1, engagement
// shell, billing plan and milestones; audit records, lineage edges, and the ERP/PSA
// commands in the outbox. The engagement's correlation id is the event's (a thread the
// CRM started) or a new one — a correlation id already used by another engagement is not
// reused, since one thread has one engagement.
import { randomUUID } from 'node:crypto';
import { writeAuditMany, type AuditEntry } from '../../services/audit/write-audit.ts';
import { linkExternalRef } from '../../services/crosswalk/link-external-ref.ts';
import type { WorkflowOutcome } from '../workflow.ts';
import { createEngagement } from './create-engagement.ts';
import { createQuoteVersion } from './create-quote-version.ts';
import { enqueueEngagementCommands } from './engagement-commands.ts';
import { linkAcceptanceLineage } from './acceptance-lineage.ts';
import { clientOfQuote } from './quote-client.ts';
import type { QuoteStep } from './quote-step.ts';
import { releaseWaitingChangeOrders } from './release-waiting-change-orders.ts';
import type { ValidatedQuote } from './validate-quote.ts';

export async function acceptNewQuote(step: QuoteStep, checked: ValidatedQuote): Promise<WorkflowOutcome> {
  const { tx, data, sender, event, now } = step;
  const sent = event.correlationId;
  const taken = sent ? await tx.engagement.findUnique({ where: { correlationId: sent }, select: { code: true } }) : null;
  const correlationId = sent && !taken ? sent : randomUUID();

  const client = await clientOfQuote(step, checked, correlationId);
  const clientRow = await tx.client.findUniqueOrThrow({ where: { id: client.id }, include: { billToLegalEntity: { select: { code: true } } } });
  const acceptedAt = new Date(data.acceptedAt);
  const quote = await tx.quote.create({
    data: { sourceSystem: sender.system, externalId: data.quoteId, clientId: client.id, legalEntityId: checked.legalEntity.id, currency: data.currency, status: 'ACCEPTED', currentVersion: data.quoteVersion, correlationId, acceptedAt },
    select: { id: true },
  });
  await linkExternalRef(tx, { system: sender.system, entityType: 'Quote', externalId: data.quoteId, entityId: quote.id });
  const version = await createQuoteVersion(tx, { quoteId: quote.id, data, checked });
  const engagement = await createEngagement(tx, { data, checked, quoteId: quote.id, quoteVersionId: version.id, client: clientRow, correlationId });

  const audit = { actor: sender.actor, correlationId, eventId: event.inboxEventId, at: now };
  const { figures } = checked;
  const entries: AuditEntry[] = [
    { ...audit, entityType: 'Quote', entityId: quote.id, action: 'quote.accepted', after: { quoteId: data.quoteId, version: data.quoteVersion, quoteVersionId: version.id, billingModel: data.billingModel, currency: data.currency, subtotal: figures.subtotal, contractValue: figures.contractValue, clientId: client.id, legalEntityCode: checked.legalEntity.code } },
    { ...audit, entityType: 'Contract', entityId: engagement.contractId, action: 'contract.created', after: { quoteId: quote.id, sowVersion: 1, totalValue: figures.contractValue, currency: data.currency } },
    { ...audit, entityType: 'Engagement', entityId: engagement.id, action: 'engagement.created', after: { code: engagement.code, status: 'SHELL', value: figures.contractValue, estimatedCost: data.estimatedCost ?? null, budgetHours: checked.budgetHours, currency: data.currency, clientId: client.id, legalEntityCode: checked.legalEntity.code, ...(taken ? { sentCorrelationId: sent, reason: `correlation id already used by ${taken.code}` } : {}) } },
    { ...audit, entityType: 'BillingPlan', entityId: engagement.billingPlanId, action: 'billing_plan.created', after: { model: data.billingModel, contractValue: figures.contractValue, milestones: engagement.milestones } },
  ];
  await writeAuditMany(tx, entries);
  await linkAcceptanceLineage(tx, { quoteId: quote.id, quoteVersionId: version.id, clientId: client.created ? client.id : null, engagement, currency: data.currency, contractValue: figures.contractValue, eventId: event.inboxEventId });

  const commands = await enqueueEngagementCommands(tx, {
    targets: checked.targets,
    client: { ...clientRow, billToLegalEntityCode: clientRow.billToLegalEntity.code },
    project: {
      engagementId: engagement.id,
      engagementCode: engagement.code,
      correlationId,
      name: engagement.name,
      client: { id: client.id, name: clientRow.name },
      legalEntityCode: checked.legalEntity.code,
      currency: data.currency,
      billingModel: data.billingModel,
      contractValue: figures.contractValue,
      estimatedCost: data.estimatedCost ?? null,
      budgetHours: checked.budgetHours,
      quote: { externalId: data.quoteId, version: data.quoteVersion, acceptedAt: acceptedAt.toISOString() },
      milestones: (data.billingModel === 'FIXED_FEE_MILESTONE' ? (data.milestones ?? []) : []).map((m) => ({ ref: m.ref, name: m.name, amount: m.amount, dueDate: m.dueDate ?? null })),
    },
    held: { amount: figures.contractValue, currency: data.currency },
    correlationId,
    eventId: event.inboxEventId,
  });
  const released = await releaseWaitingChangeOrders(tx, { quoteExternalId: data.quoteId, engagementCode: engagement.code, now });
  const notes = [`Engagement ${engagement.code} created (SHELL) from quote ${data.quoteId} v${data.quoteVersion}; ${commands} command(s) queued.`];
  if (client.created) notes.push(`Client ${data.client.externalId} created.`);
  if (taken) notes.push(`Correlation id ${sent} belongs to ${taken.code}; a new one was assigned.`);
  if (released.length > 0) notes.push(`${released.length} waiting change order event(s) requeued.`);
  return { status: 'applied', note: notes.join(' ') };
}
