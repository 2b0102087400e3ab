// FINANCE applies unapplied cash of a receipt to an open invoice from the unapplied-cash
// workbench (or the API): the matcher could not, a person can. Locks receipt then invoice
// (the order reversal and disputes use), checks currency, what is left on each side and the
// invoice's state, then records a MANUAL application through the same path as automatic
// cash application (invoice balance and status, audit, lineage, the ERP command) and
// updates the receipt. When nothing is left unapplied, UNAPPLIED_CASH on it is resolved.
// `expectedUnapplied` makes a double submit safe: the second one finds the receipt changed.
import { db } from '../../db/client.ts';
import type { CashApplicationMethod } from '../../db/generated/enums.ts';
import { isOpenForCash, sameCurrency } from '../../domain/cash/open-invoices.ts';
import { receiptStatus } from '../../domain/cash/settlement-status.ts';
import { minorUnits } from '../../domain/money/currency.ts';
import { dec, ZERO } from '../../domain/money/decimal.ts';
import { AppError } from '../../errors.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { resolveExceptionBySystem } from '../exceptions/resolve-by-system.ts';
import { lockInvoices, lockReceipt } from './cash-rows.ts';
import { moneyText } from './money-text.ts';
import { recordApplications } from './record-applications.ts';

export interface ApplyReceiptInput {
  receiptId: string;
  invoiceId: string;
  /** Exact decimal string, in the receipt's (and invoice's) currency. */
  amount: string;
  expectedUnapplied?: string;
  actor: { userId: string };
  now: Date;
}

export interface AppliedReceipt {
  applicationId: string;
  method: CashApplicationMethod;
  amount: string;
  currency: string;
  invoice: { id: string; number: string; status: string; balanceDue: string };
  receipt: { id: string; status: string; unappliedAmount: string };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const amountError = (message: string) => new AppError('VALIDATION_FAILED', message, { details: { errors: [{ pointer: '/amount', message }] } });

export async function applyReceiptToInvoice(input: ApplyReceiptInput): Promise<AppliedReceipt> {
  const { receiptId, invoiceId, actor, now } = input;
  if (!uuid.test(receiptId)) throw new AppError('NOT_FOUND', 'No such receipt.');
  if (!uuid.test(invoiceId)) throw new AppError('NOT_FOUND', 'No such invoice.');
  const amount = dec(input.amount);
  if (!amount.greaterThan(0)) throw amountError('The amount to apply must be greater than 0.');

  return db().$transaction(async (tx) => {
    const receipt = await lockReceipt(tx, receiptId);
    if (!receipt) throw new AppError('NOT_FOUND', 'No such receipt.');
    const [invoice] = await lockInvoices(tx, [invoiceId]);
    if (!invoice) throw new AppError('NOT_FOUND', 'No such invoice, or it was never issued.');

    const unapplied = dec(receipt.unappliedAmount);
    if (input.expectedUnapplied !== undefined && !unapplied.equals(dec(input.expectedUnapplied))) {
      throw new AppError('CONFLICT', `The receipt changed since you looked: ${moneyText(unapplied, receipt.currency)} ${receipt.currency} is unapplied now. Check it and apply again.`);
    }
    if (!sameCurrency(receipt.currency, invoice.currency)) {
      throw new AppError('UNPROCESSABLE', `The receipt is in ${receipt.currency} and invoice ${invoice.number} in ${invoice.currency}: cash is applied only in the invoice's currency.`);
    }
    if (!isOpenForCash(invoice)) throw new AppError('CONFLICT', `Invoice ${invoice.number} is ${invoice.status.toLowerCase().replace('_', ' ')} with nothing open: cash cannot be applied to it.`);
    if (amount.decimalPlaces() > minorUnits(receipt.currency)) throw amountError(`${receipt.currency} has ${minorUnits(receipt.currency)} decimal places.`);
    if (amount.greaterThan(unapplied)) throw amountError(`Only ${moneyText(unapplied, receipt.currency)} ${receipt.currency} of the receipt is unapplied.`);
    if (amount.greaterThan(dec(invoice.balanceDue))) throw amountError(`Invoice ${invoice.number} has only ${moneyText(invoice.balanceDue, invoice.currency)} ${invoice.currency} open.`);

    const erp = await resolveCommandTarget(tx, 'ERP');
    if (!erp.ok) throw new AppError('CONFLICT', 'There is no single active ERP connector to tell about the application.');
    const actorRef = { type: 'USER' as const, id: actor.userId };
    const [recorded] = await recordApplications(tx, {
      receipt,
      applications: [{
        invoiceId,
        method: 'MANUAL',
        automatic: false,
        amount,
        currency: invoice.currency,
        deductionAmount: ZERO,
        deductionReasonCode: null,
        deductionStatus: 'NONE',
        remittanceLineIndex: null,
        remittanceInvoiceRef: null,
      }],
      invoices: new Map([[invoice.id, invoice]]),
      appliedAt: now,
      appliedById: actor.userId,
      actor: actorRef,
      erp: erp.code,
      eventId: null,
      now,
    });

    const totals = { amount: receipt.amount, appliedAmount: dec(receipt.appliedAmount).plus(amount), unappliedAmount: unapplied.minus(amount), refundedAmount: receipt.refundedAmount };
    const status = receiptStatus(totals);
    const after = { appliedAmount: totals.appliedAmount.toString(), unappliedAmount: totals.unappliedAmount.toString(), status };
    await tx.cashReceipt.update({ where: { id: receiptId }, data: after });
    await writeAudit(tx, {
      actor: actorRef,
      entityType: 'CashReceipt',
      entityId: receiptId,
      action: 'cash-receipt.applied-manually',
      before: { appliedAmount: receipt.appliedAmount, unappliedAmount: receipt.unappliedAmount, status: receipt.status },
      after: { ...after, cashApplicationId: recorded!.id, invoiceId },
      correlationId: invoice.correlationId,
      at: now,
    });
    if (!totals.unappliedAmount.greaterThan(0)) {
      await resolveExceptionBySystem(tx, { code: 'UNAPPLIED_CASH', entityType: 'CashReceipt', entityId: receiptId, resolution: `Applied by hand to invoice ${invoice.number}.`, now, actorId: actor.userId });
    }
    return {
      applicationId: recorded!.id,
      method: 'MANUAL' as const,
      amount: moneyText(amount, invoice.currency),
      currency: invoice.currency,
      invoice: { id: invoice.id, number: invoice.number, status: recorded!.invoice.status, balanceDue: moneyText(recorded!.invoice.balanceDue, invoice.currency) },
      receipt: { id: receiptId, status, unappliedAmount: moneyText(totals.unappliedAmount, receipt.currency) },
    };
  });
}
