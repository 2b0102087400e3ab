// Reverses one cash application (DESIGN.md §6: "every application can be reversed, and
// reversals count against cash-application accuracy"). Nothing is deleted: a REVERSAL row
// with the negated amounts points at the original, which gets reversedAt; the invoice's
// balance reopens; the cash goes back to the receipt as unapplied (UNAPPLIED_CASH raised
// again) or, for a refund or chargeback, out of it. A pending deduction is withdrawn with
// the cash (its SHORT_PAY_DEDUCTION resolved); an approved one keeps its credit note.
// The ERP hears of it as POST_CASH_APPLICATION kind REVERSAL. Repeating is "already done".
import { randomUUID } from 'node:crypto';
import { db, type Prisma } from '../../db/client.ts';
import { reverseApplication, type ReversedCashDisposition } from '../../domain/cash/reverse-application.ts';
import { AppError } from '../../errors.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import { writeAuditMany, type AuditActor } from '../audit/write-audit.ts';
import { resolveExceptionBySystem } from '../exceptions/resolve-by-system.ts';
import { linkLineage } from '../lineage/link-lineage.ts';
import { enqueueCashApplicationCommand } from './cash-application-command.ts';
import { lockApplication, lockInvoices, lockReceipt } from './cash-rows.ts';
import { moneyText } from './money-text.ts';
import { raiseUnappliedCash } from './raise-cash-exceptions.ts';

export interface ReverseApplicationInput {
  applicationId: string;
  reason: string;
  disposition?: ReversedCashDisposition;
  actor: AuditActor;
  now: Date;
}

export interface ReversedApplication {
  applicationId: string;
  reversalId: string | null;
  alreadyReversed: boolean;
  invoice: { id: string; status: string; balanceDue: string };
  receipt: { id: string; status: string; unappliedAmount: string; refundedAmount: string };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opens its own transaction. */
export function reverseCashApplication(input: ReverseApplicationInput): Promise<ReversedApplication> {
  return db().$transaction((tx) => reverseApplicationInTx(tx, input));
}

export async function reverseApplicationInTx(tx: Prisma.TransactionClient, input: ReverseApplicationInput): Promise<ReversedApplication> {
  const { applicationId, actor, now, disposition = 'UNAPPLIED' } = input;
  const reason = input.reason.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', 'Say why the application is reversed.', { details: { errors: [{ pointer: '/reason', message: 'Required.' }] } });
  if (!uuid.test(applicationId)) throw new AppError('NOT_FOUND', 'No such cash application.');
  // Lock order receipt → application → invoice, the same as dispute resolution's.
  const peek = await tx.cashApplication.findUnique({ where: { id: applicationId }, select: { receiptId: true } });
  if (!peek) throw new AppError('NOT_FOUND', 'No such cash application.');
  const receipt = (await lockReceipt(tx, peek.receiptId))!;
  const application = (await lockApplication(tx, applicationId))!;
  if (application.kind === 'REVERSAL') throw new AppError('UNPROCESSABLE', 'A reversal is not reversed: apply the cash again instead.');
  const [invoice] = await lockInvoices(tx, [application.invoiceId]);
  if (!invoice) throw new Error(`Invoice ${application.invoiceId} of application ${applicationId} is missing`);

  const decided = reverseApplication({ application, invoice, receipt, reason, at: now, disposition });
  if (decided.status === 'already-reversed') {
    return { applicationId, reversalId: null, alreadyReversed: true, invoice: pick(invoice), receipt: pickReceipt(receipt) };
  }
  const erp = await resolveCommandTarget(tx, 'ERP');
  if (!erp.ok) throw new AppError('CONFLICT', 'There is no single active ERP connector to tell about the reversal.');

  const { reversal, original } = decided;
  const reversalId = randomUUID();
  await tx.cashApplication.create({
    data: {
      id: reversalId,
      ...reversal,
      amount: reversal.amount.toString(),
      deductionAmount: reversal.deductionAmount.toString(),
      appliedById: actor.type === 'USER' ? (actor.id ?? null) : null,
    },
  });
  await tx.cashApplication.update({ where: { id: applicationId }, data: original });
  const invoiceAfter = { amountApplied: decided.invoice.amountApplied.toString(), balanceDue: decided.invoice.balanceDue.toString(), status: decided.invoice.status };
  await tx.invoice.update({ where: { id: invoice.id }, data: { ...invoiceAfter, ...(decided.invoice.status !== 'PAID' ? { paidAt: null } : {}) } });
  const receiptAfter = {
    appliedAmount: decided.receipt.appliedAmount.toString(),
    unappliedAmount: decided.receipt.unappliedAmount.toString(),
    refundedAmount: decided.receipt.refundedAmount.toString(),
    status: decided.receipt.status,
  };
  await tx.cashReceipt.update({ where: { id: receipt.id }, data: receiptAfter });

  const common = { actor, correlationId: invoice.correlationId, at: now };
  await writeAuditMany(tx, [
    { ...common, entityType: 'CashApplication', entityId: applicationId, action: 'cash-application.reversed', before: { reversedAt: null, deductionStatus: application.deductionStatus }, after: { ...original, reversalId, disposition } },
    { ...common, entityType: 'Invoice', entityId: invoice.id, action: 'invoice.cash-reversed', before: pick(invoice), after: { ...invoiceAfter, reversalId } },
    { ...common, entityType: 'CashReceipt', entityId: receipt.id, action: 'cash-receipt.application-reversed', before: pickReceipt(receipt), after: { ...receiptAfter, reversalId } },
  ]);
  const amount = { amount: reversal.amount.toString(), currency: reversal.currency, correlationId: invoice.correlationId };
  await linkLineage(tx, [
    { from: { type: 'CashReceipt', id: receipt.id }, to: { type: 'CashApplication', id: reversalId }, relation: 'APPLIED', ...amount },
    { from: { type: 'CashApplication', id: reversalId }, to: { type: 'CashApplication', id: applicationId }, relation: 'REVERSES', ...amount },
  ]);
  await enqueueCashApplicationCommand(tx, {
    erp: erp.code,
    application: { id: reversalId, ...reversal, amount: reversal.amount.toString(), deductionAmount: reversal.deductionAmount.toString(), deductionReasonCode: null, reason },
    receipt,
    invoice: { id: invoice.id, number: invoice.number, erpInvoiceNumber: invoice.erpInvoiceNumber ?? null, clientId: invoice.clientId, correlationId: invoice.correlationId },
    eventId: null,
  });

  if (decided.deductionFollowUp === 'WITHDRAW_PENDING_DEDUCTION') {
    await resolveExceptionBySystem(tx, { code: 'SHORT_PAY_DEDUCTION', entityType: 'CashApplication', entityId: applicationId, resolution: `Withdrawn: the application was reversed (${reason}).`, now, actorId: actor.id ?? undefined });
  }
  for (const exception of decided.exceptions) {
    const payer = await tx.cashReceipt.findUniqueOrThrow({ where: { id: receipt.id }, select: { payerName: true, payerExternalId: true } });
    await raiseUnappliedCash(tx, { receipt: { ...receipt, ...payer }, unapplied: exception.amount.toString(), why: `An application was reversed: ${reason}`, now });
  }
  return {
    applicationId,
    reversalId,
    alreadyReversed: false,
    invoice: pick({ id: invoice.id, currency: invoice.currency, ...invoiceAfter }),
    receipt: pickReceipt({ id: receipt.id, currency: receipt.currency, ...receiptAfter }),
  };
}

const pick = (invoice: { id: string; status: string; balanceDue: string; currency: string }) => ({ id: invoice.id, status: invoice.status, balanceDue: moneyText(invoice.balanceDue, invoice.currency) });
const pickReceipt = (receipt: { id: string; status: string; unappliedAmount: string; refundedAmount: string; currency: string }) => ({
  id: receipt.id,
  status: receipt.status,
  unappliedAmount: moneyText(receipt.unappliedAmount, receipt.currency),
  refundedAmount: moneyText(receipt.refundedAmount, receipt.currency),
});
