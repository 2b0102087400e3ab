// q2c.payment.disputed.v1 (DESIGN.md §5, §7): a payer challenges a payment or an invoice.
// The Dispute is recorded once per (sending system, dispute id — or what is disputed when
// the gateway sends no id), the disputed amount is held (capped at what the document is
// worth) and PAYMENT_DISPUTED goes to FINANCE as a decision. A dispute about a payment or
// invoice Threadline does not know yet is held until it arrives and the event is replayed.
import { randomUUID } from 'node:crypto';
import { openDispute } from '../domain/cash/dispute.ts';
import type { PaymentDisputedData } from '../ingest/schemas/payment-disputed.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { disputeTarget, findDisputeTarget, type DisputeSubject } from '../services/cash/dispute-subject.ts';
import { moneyText } from '../services/cash/money-text.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { resolveExceptionBySystem } from '../services/exceptions/resolve-by-system.ts';
import { linkLineage } from '../services/lineage/link-lineage.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const PAYMENT_DISPUTED_V1 = 'q2c.payment.disputed.v1';

export const paymentDisputedWorkflow: Workflow<PaymentDisputedData> = {
  type: PAYMENT_DISPUTED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const externalId = data.disputeId ?? (data.paymentId !== undefined ? `payment:${data.paymentId}` : `invoice:${data.invoiceNumber}`);
    const key = { sourceSystem: sender.system, externalId };
    if (await tx.dispute.findUnique({ where: { sourceSystem_externalId: key }, select: { id: true } })) {
      return { status: 'applied', note: `Dispute ${externalId} was already recorded; nothing changed.` };
    }
    const openedAt = new Date(data.openedAt);
    const heldAs = `${sender.system}:${externalId}`;
    const hold = (code: 'PAYMENT_DISPUTED' | 'CURRENCY_MISMATCH', title: string, details: Record<string, unknown>) =>
      new WorkflowHold({
        code,
        entityType: 'Dispute',
        entityId: heldAs,
        title,
        ...(data.currency ? { impact: { amount: data.amount, currency: data.currency, date: openedAt } } : {}),
        details: { ...details, paymentId: data.paymentId, invoiceNumber: data.invoiceNumber, reason: data.reason },
      });

    const subject = await findDisputeTarget(tx, { system: sender.system, paymentId: data.paymentId, invoiceNumber: data.invoiceNumber });
    if (subject.kind === 'NOT_FOUND' || subject.kind === 'AMBIGUOUS') {
      const problem = subject.kind === 'NOT_FOUND' ? 'is not known yet' : 'matches more than one record';
      throw hold('PAYMENT_DISPUTED', `Dispute ${externalId}: ${subject.what} ${problem}`, { problem: subject.kind, replay: 'Replay once the payment or invoice is recorded.' });
    }
    const target = disputeTarget(subject);
    const opening = openDispute({ target, amount: data.amount, currency: data.currency });
    if (!opening.ok && opening.reason === 'CURRENCY_MISMATCH') {
      throw hold('CURRENCY_MISMATCH', `Dispute ${externalId} is in ${data.currency}, the disputed document in ${target.currency}`, { documentCurrency: target.currency });
    }
    if (!opening.ok) return { status: 'ignored', note: `Dispute ${externalId}: nothing left to dispute (the payment was refunded in full).` };

    const id = randomUUID();
    const receiptId = subject.kind === 'RECEIPT' ? subject.receipt.id : null;
    const invoiceId = subject.kind === 'INVOICE' ? subject.invoice.id : null;
    const clientId = subject.kind === 'RECEIPT' ? subject.receipt.clientId : subject.invoice.clientId;
    const { count } = await tx.dispute.createMany({
      data: [{ id, ...key, receiptId, invoiceId, clientId, amount: opening.heldAmount.toString(), currency: opening.currency, reason: data.reason, openedAt }],
      skipDuplicates: true,
    });
    if (count === 0) return { status: 'applied', note: `Dispute ${externalId} was already recorded; nothing changed.` };

    // A hold of an earlier attempt (payment not known yet, currency) is over: the dispute exists.
    for (const code of ['PAYMENT_DISPUTED', 'CURRENCY_MISMATCH'] as const) {
      await resolveExceptionBySystem(tx, { code, entityType: 'Dispute', entityId: heldAs, resolution: `Recorded as dispute ${id} on replay.`, now });
    }
    const correlationIds = subject.kind === 'RECEIPT' ? subject.correlationIds : [subject.invoice.correlationId];
    const held = moneyText(opening.heldAmount, opening.currency);
    await raiseException(tx, {
      code: 'PAYMENT_DISPUTED',
      entityType: 'Dispute',
      entityId: id,
      correlationId: correlationIds.length === 1 ? correlationIds[0] : null,
      legalEntityId: subject.kind === 'RECEIPT' ? subject.receipt.legalEntityId : subject.invoice.legalEntityId,
      title: `Dispute of ${held} ${opening.currency} on ${describe(subject)}: ${data.reason}`,
      impact: { amount: held, currency: opening.currency, date: openedAt },
      details: { disputeId: externalId, receiptId, invoiceId, disputed: data.amount, held, capped: opening.capped, reason: data.reason },
      inboxEventId: event.inboxEventId,
      raisedBy: 'cash-application',
      now,
    });
    const to = subject.kind === 'RECEIPT' ? { type: 'CashReceipt' as const, id: subject.receipt.id } : { type: 'Invoice' as const, id: subject.invoice.id };
    await linkLineage(tx, correlationIds.map((correlationId) => ({ from: { type: 'Dispute', id }, to, relation: 'DISPUTES', amount: opening.heldAmount.toString(), currency: opening.currency, eventId: event.inboxEventId, correlationId })));
    await writeAudit(tx, {
      actor: sender.actor,
      entityType: 'Dispute',
      entityId: id,
      action: 'dispute.opened',
      after: { externalId, receiptId, invoiceId, clientId, disputed: data.amount, held, currency: opening.currency, capped: opening.capped, reason: data.reason, openedAt },
      correlationId: correlationIds.length === 1 ? correlationIds[0] : null,
      eventId: event.inboxEventId,
      at: now,
    });
    return { status: 'applied', note: `Dispute opened on ${describe(subject)}: ${held} ${opening.currency} on hold${opening.capped ? ' (capped at the document amount)' : ''}.` };
  },
};

const describe = (subject: Extract<DisputeSubject, { kind: 'RECEIPT' | 'INVOICE' }>) =>
  subject.kind === 'RECEIPT' ? `payment ${subject.receipt.externalId}` : `invoice ${subject.invoice.number}`;
