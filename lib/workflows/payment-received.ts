// q2c.payment.received.v1 (DESIGN.md §5, §6): money arrived through the gateway or the
// bank. The receipt is recorded once per (sending system, paymentId) — the database's
// unique key makes a replay, or the same payment sent twice, a no-op. The payer is found
// through the id crosswalk, its open invoices are locked and the matcher decides; the
// applications, invoice balances, receipt totals, exceptions (UNAPPLIED_CASH,
// SHORT_PAY_DEDUCTION), audit, lineage and the ERP commands are written in this one
// transaction. Applying cash needs an ERP to tell: without one the event is held. A dispute
// of this payment that arrived first (held) is released.
import { randomUUID } from 'node:crypto';
import { receiptStatus } from '../domain/cash/settlement-status.ts';
import { dec } from '../domain/money/decimal.ts';
import type { PaymentReceivedData } from '../ingest/schemas/payment-received.ts';
import type { Prisma } from '../db/client.ts';
import { toJsonSafe } from '../services/audit/to-json-safe.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { findReceiptByExternalId } from '../services/cash/cash-rows.ts';
import { moneyText } from '../services/cash/money-text.ts';
import { raiseShortPayDeduction, raiseUnappliedCash, type ReceiptForException } from '../services/cash/raise-cash-exceptions.ts';
import { recordApplications } from '../services/cash/record-applications.ts';
import { matchReceipt } from './cash/match-receipt.ts';
import { releaseDisputesWaitingForPayment } from './cash/release-waiting-disputes.ts';
import { resolvePayer, type ResolvedPayer } from './cash/resolve-payer.ts';
import { requireCommandTarget } from './commercial/command-targets.ts';
import { masterDataSender } from './master-data/sender.ts';
import type { Tx, Workflow, WorkflowOutcome } from './workflow.ts';

export const PAYMENT_RECEIVED_V1 = 'q2c.payment.received.v1';

export const paymentReceivedWorkflow: Workflow<PaymentReceivedData> = {
  type: PAYMENT_RECEIVED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const receivedAt = new Date(data.receivedAt);
    const currency = data.currency;

    const payer = await resolvePayer(tx, { system: sender.system, externalId: data.payer.externalId });
    const receiptId = randomUUID();
    // Claiming the payment id first makes a concurrent duplicate wait here, then do nothing.
    const { count } = await tx.cashReceipt.createMany({
      data: [{
        id: receiptId,
        sourceSystem: sender.system,
        externalId: data.paymentId,
        clientId: payer.clientId,
        payerExternalId: data.payer.externalId ?? null,
        payerName: data.payer.name ?? null,
        amount: data.amount,
        currency,
        unappliedAmount: data.amount,
        receivedAt,
        remittance: data.remittance ? (toJsonSafe(data.remittance) as Prisma.InputJsonValue) : undefined,
      }],
      skipDuplicates: true,
    });
    if (count === 0) return alreadyRecorded(tx, sender.system, data);

    const { match, invoices, searchedSubsidiaries } = await matchReceipt(tx, { amount: data.amount, currency, payerClientId: payer.clientId, remittance: data.remittance });
    const receipt: ReceiptForException = {
      id: receiptId,
      externalId: data.paymentId,
      sourceSystem: sender.system,
      payerName: data.payer.name ?? null,
      payerExternalId: data.payer.externalId ?? null,
      currency,
      receivedAt,
      legalEntityId: await receivingEntity(tx, payer, match.applications.map((a) => invoices.get(a.invoiceId)!.legalEntityId)),
    };
    const erp = match.applications.length === 0 ? null : await requireCommandTarget(tx, 'ERP', { about: `Payment ${data.paymentId}`, impact: { amount: data.amount, currency, date: receivedAt } });

    const recorded = await recordApplications(tx, {
      receipt,
      applications: match.applications.map((a) => ({ ...a, automatic: true })),
      invoices,
      appliedAt: receivedAt,
      actor: sender.actor,
      erp: erp ?? '',
      eventId: event.inboxEventId,
      now,
    });
    const totals = { amount: data.amount, appliedAmount: match.appliedAmount, unappliedAmount: match.unappliedAmount, refundedAmount: 0 };
    const status = receiptStatus(totals);
    await tx.cashReceipt.update({
      where: { id: receiptId },
      data: { legalEntityId: receipt.legalEntityId, appliedAmount: match.appliedAmount.toString(), unappliedAmount: match.unappliedAmount.toString(), status },
    });
    await writeAudit(tx, {
      actor: sender.actor,
      entityType: 'CashReceipt',
      entityId: receiptId,
      action: 'cash-receipt.received',
      after: { paymentId: data.paymentId, amount: data.amount, currency, payer: data.payer, payerClientId: payer.clientId, payerResolution: payer.found ? payer.via : payer.reason, status, applied: match.appliedAmount, unapplied: match.unappliedAmount, searchedSubsidiaries, flags: match.flags },
      correlationId: recorded.length === 1 ? recorded[0]!.invoice.correlationId : null,
      eventId: event.inboxEventId,
      at: now,
    });

    for (const exception of match.exceptions) {
      if (exception.code === 'UNAPPLIED_CASH') {
        await raiseUnappliedCash(tx, { receipt, unapplied: exception.amount.toString(), why: unappliedWhy(payer, recorded.length), flags: match.flags, inboxEventId: event.inboxEventId, now });
        continue;
      }
      const application = recorded.find((r) => r.invoiceId === exception.invoiceId && r.deductionAmount.equals(exception.amount));
      if (!application) throw new Error(`No recorded application carries the deduction on invoice ${exception.invoiceId}`);
      const { invoice } = application;
      await raiseShortPayDeduction(tx, { applicationId: application.id, invoice, receipt, deduction: exception.amount.toString(), reasonCode: application.deductionReasonCode, inboxEventId: event.inboxEventId, now });
    }
    await releaseDisputesWaitingForPayment(tx, { system: sender.system, paymentId: data.paymentId, now });
    const applied = recorded.map((r) => r.invoice.number).join(', ');
    const left = match.unappliedAmount.greaterThan(0) ? `; ${moneyText(match.unappliedAmount, currency)} ${currency} unapplied` : '';
    return { status: 'applied', note: recorded.length > 0 ? `Applied ${moneyText(match.appliedAmount, currency)} ${currency} to ${applied}${left}.` : `Nothing applied${left}.` };
  },
};

/** The entity that received the money: the payer's bill-to entity, else that of the invoices it paid when they agree. */
async function receivingEntity(tx: Tx, payer: ResolvedPayer, invoiceEntities: string[]): Promise<string | null> {
  if (payer.clientId) {
    const client = await tx.client.findUnique({ where: { id: payer.clientId }, select: { billToLegalEntityId: true } });
    if (client) return client.billToLegalEntityId;
  }
  const entities = new Set(invoiceEntities);
  return entities.size === 1 ? [...entities][0]! : null;
}

function unappliedWhy(payer: ResolvedPayer, applications: number): string {
  if (applications > 0) return 'More was paid than the named or matching invoices were due: the rest is an on-account credit.';
  if (payer.found) return "No remittance line, open invoice or small set of the payer's open invoices matches the amount.";
  if (payer.reason === 'AMBIGUOUS') return 'The payer id names more than one client in the id crosswalk.';
  return payer.reason === 'NAME_ONLY' ? 'The payer came with a name only: link it to a client in the id crosswalk.' : 'The payer id is not linked to any client in the id crosswalk.';
}

async function alreadyRecorded(tx: Tx, system: string, data: PaymentReceivedData): Promise<WorkflowOutcome> {
  const [existing] = await findReceiptByExternalId(tx, { sourceSystem: system, externalId: data.paymentId });
  const same = existing && dec(existing.amount).equals(dec(data.amount)) && existing.currency === data.currency;
  if (same) return { status: 'applied', note: `Payment ${data.paymentId} was already recorded; nothing changed.` };
  return {
    status: 'ignored',
    note: `Payment ${data.paymentId} of ${system} was already recorded as ${existing ? `${existing.amount} ${existing.currency}` : 'another payment'}; this event says ${data.amount} ${data.currency} and is not applied.`,
  };
}
