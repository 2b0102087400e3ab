// q2c.payment.refunded.v1: money of a payment went back to the payer (a gateway refund).
// The refund is recorded once per (sending system, refund id) — Stripe reports one refund
// in charge.refunded and in refund.created, and the unique key makes the second a no-op.
// The cash core plans what leaves the receipt (its unapplied cash first, then its
// applications newest first: those invoices' balances reopen, exactly); the reversals,
// the re-application of an untaken rest, the receipt totals, the audit, the lineage
// (CashRefund → CashReceipt) and the ERP commands are written in this one transaction. A
// refund of a payment Threadline does not know yet, in another currency, or of more than
// the receipt holds is held for integration ops and replayed after the fix.
import { randomUUID } from 'node:crypto';
import { planRefund } from '../domain/cash/refund.ts';
import type { PaymentRefundedData } from '../ingest/schemas/payment-refunded.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { disputeTarget, findDisputeTarget } from '../services/cash/dispute-subject.ts';
import { moneyText } from '../services/cash/money-text.ts';
import { takeCashFromReceipt } from '../services/cash/take-cash-from-receipt.ts';
import { resolveExceptionBySystem } from '../services/exceptions/resolve-by-system.ts';
import { linkLineage } from '../services/lineage/link-lineage.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const PAYMENT_REFUNDED_V1 = 'q2c.payment.refunded.v1';

export const paymentRefundedWorkflow: Workflow<PaymentRefundedData> = {
  type: PAYMENT_REFUNDED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const key = { sourceSystem: sender.system, externalId: data.refundId };
    const already = { status: 'applied' as const, note: `Refund ${data.refundId} was already recorded; nothing changed.` };
    if (await tx.cashRefund.findUnique({ where: { sourceSystem_externalId: key }, select: { id: true } })) return already;

    const refundedAt = new Date(data.refundedAt);
    const heldAs = `${sender.system}:${data.refundId}`;
    const hold = (code: 'PROCESSING_FAILED' | 'CURRENCY_MISMATCH', title: string, details: Record<string, unknown>) =>
      new WorkflowHold({
        code,
        entityType: 'CashRefund',
        entityId: heldAs,
        title,
        ...(data.currency ? { impact: { amount: data.amount, currency: data.currency, date: refundedAt } } : {}),
        details: { ...details, refundId: data.refundId, paymentId: data.paymentId, amount: data.amount, replay: 'Replay once the payment is recorded or the data fixed.' },
      });

    const subject = await findDisputeTarget(tx, { system: sender.system, paymentId: data.paymentId });
    if (subject.kind !== 'RECEIPT') {
      const problem = subject.kind === 'AMBIGUOUS' ? 'matches more than one payment' : 'is not known yet';
      throw hold('PROCESSING_FAILED', `Refund ${data.refundId}: payment ${data.paymentId} ${problem}`, { problem: subject.kind });
    }
    const receipt = disputeTarget(subject);
    if (receipt.kind !== 'RECEIPT') throw new TypeError('A payment subject is a receipt.');
    const plan = planRefund({ receipt, amount: data.amount, currency: data.currency });
    if (!plan.ok && plan.reason === 'CURRENCY_MISMATCH') {
      throw hold('CURRENCY_MISMATCH', `Refund ${data.refundId} is in ${data.currency}, payment ${data.paymentId} in ${plan.currency}`, { paymentCurrency: plan.currency });
    }
    if (!plan.ok) {
      const available = moneyText(plan.reason === 'EXCEEDS_RECEIPT' ? plan.available : 0, plan.currency);
      throw hold('PROCESSING_FAILED', `Refund ${data.refundId} of ${data.amount} ${plan.currency} is more than payment ${data.paymentId} still holds (${available})`, { available });
    }

    const id = randomUUID();
    const amount = moneyText(plan.amount, plan.currency);
    const { count } = await tx.cashRefund.createMany({
      data: [{ id, ...key, receiptId: subject.receipt.id, amount, currency: plan.currency, fromUnapplied: plan.take.fromUnapplied.toString(), reason: data.reason ?? null, refundedAt, eventId: event.inboxEventId }],
      skipDuplicates: true,
    });
    if (count === 0) return already;

    const before = { appliedAmount: subject.receipt.appliedAmount, unappliedAmount: subject.receipt.unappliedAmount, refundedAmount: subject.receipt.refundedAmount, status: subject.receipt.status };
    const reason = `Refund ${data.refundId}${data.reason ? `: ${data.reason}` : ''}`;
    const taken = await takeCashFromReceipt(tx, { receiptId: subject.receipt.id, take: plan.take, reason, actor: sender.actor, eventId: event.inboxEventId, now });
    // A hold of an earlier attempt (payment not known yet, currency, amount) is over.
    for (const code of ['PROCESSING_FAILED', 'CURRENCY_MISMATCH'] as const) {
      await resolveExceptionBySystem(tx, { code, entityType: 'CashRefund', entityId: heldAs, resolution: `Recorded as refund ${id} on replay.`, now });
    }
    await linkLineage(
      tx,
      subject.correlationIds.map((correlationId) => ({ from: { type: 'CashRefund', id }, to: { type: 'CashReceipt', id: subject.receipt.id }, relation: 'REFUNDS', amount, currency: plan.currency, eventId: event.inboxEventId, correlationId })),
    );
    const reopened = plan.take.taken.map((t) => ({ invoiceId: t.invoiceId, amount: moneyText(t.amount, plan.currency) }));
    await writeAudit(tx, {
      actor: sender.actor,
      entityType: 'CashReceipt',
      entityId: subject.receipt.id,
      action: 'cash-receipt.refunded',
      before,
      after: { refundId: data.refundId, cashRefundId: id, amount, currency: plan.currency, fromUnapplied: plan.take.fromUnapplied, reversedApplicationIds: taken.reversed, reappliedApplicationIds: taken.reapplied, reopened, status: taken.status, refundedAt },
      correlationId: subject.correlationIds.length === 1 ? subject.correlationIds[0] : null,
      eventId: event.inboxEventId,
      at: now,
    });
    const invoices = reopened.length > 0 ? `; reopened ${reopened.map((r) => `${r.amount} on invoice ${r.invoiceId}`).join(', ')}` : '';
    return { status: 'applied', note: `Refund ${data.refundId}: ${amount} ${plan.currency} left payment ${data.paymentId}${invoices}.` };
  },
};
