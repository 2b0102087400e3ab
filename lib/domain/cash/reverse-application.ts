// Reverses one cash application (DESIGN.md §3, §6): nothing financial is deleted, so the
// reversal is a new CashApplication of kind REVERSAL with the negated amounts, pointing at
// the original, which gets reversedAt. The invoice's balance is restored and the cash goes
// back to the receipt — unapplied again, or refunded when the money went back to the payer.
// A reversed application no longer counts as accurate in the cash-application KPI.
import type { CashApplicationKind, CashApplicationMethod, DeductionStatus, InvoiceStatus } from '../../db/generated/enums.ts';
import { Decimal, ZERO, dec, type DecimalInput } from '../money/decimal.ts';
import type { CashExceptionToRaise } from './cash-types.ts';
import { invoiceStatusAfterCash, receiptStatus } from './settlement-status.ts';

export interface ApplicationToReverse {
  id: string;
  kind: CashApplicationKind;
  receiptId: string;
  invoiceId: string;
  method: CashApplicationMethod;
  automatic: boolean;
  amount: DecimalInput;
  currency: string;
  deductionAmount: DecimalInput;
  deductionStatus: DeductionStatus;
  reversedAt: Date | null;
}

export interface InvoiceCashState {
  id: string;
  status: InvoiceStatus;
  amountApplied: DecimalInput;
  balanceDue: DecimalInput;
  postedAt: Date | null;
}

export interface ReceiptCashState {
  id: string;
  amount: DecimalInput;
  appliedAmount: DecimalInput;
  unappliedAmount: DecimalInput;
  refundedAmount: DecimalInput;
}

/** What happens to the cash: back on the receipt as unapplied, or returned to the payer. */
export type ReversedCashDisposition = 'UNAPPLIED' | 'REFUNDED';

export type ApplicationReversal =
  | { status: 'already-reversed' }
  | {
      status: 'reversed';
      /** The new CashApplication row (kind REVERSAL). */
      reversal: {
        kind: 'REVERSAL';
        reversesApplicationId: string;
        receiptId: string;
        invoiceId: string;
        method: CashApplicationMethod;
        automatic: boolean;
        amount: Decimal;
        currency: string;
        deductionAmount: Decimal;
        deductionStatus: 'NONE';
        appliedAt: Date;
        reversalReason: string;
      };
      original: { reversedAt: Date; reversalReason: string; deductionStatus: DeductionStatus };
      invoice: { amountApplied: Decimal; balanceDue: Decimal; status: InvoiceStatus };
      receipt: { appliedAmount: Decimal; unappliedAmount: Decimal; refundedAmount: Decimal; status: ReturnType<typeof receiptStatus> };
      /** A pending deduction is withdrawn with the cash; an approved one was settled by a credit note, which stands. */
      deductionFollowUp: 'NONE' | 'WITHDRAW_PENDING_DEDUCTION' | 'APPROVED_CREDIT_NOTE_STANDS';
      exceptions: CashExceptionToRaise[];
    };

export function reverseApplication(options: {
  application: ApplicationToReverse;
  invoice: InvoiceCashState;
  receipt: ReceiptCashState;
  reason: string;
  at: Date;
  disposition?: ReversedCashDisposition;
}): ApplicationReversal {
  const { application, invoice, receipt, reason, at, disposition = 'UNAPPLIED' } = options;
  if (application.kind === 'REVERSAL') throw new RangeError('A reversal is not reversed: apply the cash again instead');
  if (application.invoiceId !== invoice.id || application.receiptId !== receipt.id) throw new RangeError('The invoice and receipt must be the application\'s own');
  if (reason.trim() === '') throw new RangeError('A reversal needs a reason');
  // Safe to repeat: a second request for the same reversal changes nothing.
  if (application.reversedAt !== null) return { status: 'already-reversed' };

  const amount = dec(application.amount);
  const deductionAmount = dec(application.deductionAmount);
  const amountApplied = dec(invoice.amountApplied).minus(amount);
  const balanceDue = dec(invoice.balanceDue).plus(amount);
  const appliedAmount = dec(receipt.appliedAmount).minus(amount);
  const unappliedAmount = disposition === 'UNAPPLIED' ? dec(receipt.unappliedAmount).plus(amount) : dec(receipt.unappliedAmount);
  const refundedAmount = disposition === 'REFUNDED' ? dec(receipt.refundedAmount).plus(amount) : dec(receipt.refundedAmount);
  const pending = application.deductionStatus === 'PENDING_APPROVAL';
  const currency = application.currency.trim().toUpperCase();

  return {
    status: 'reversed',
    reversal: {
      kind: 'REVERSAL',
      reversesApplicationId: application.id,
      receiptId: application.receiptId,
      invoiceId: application.invoiceId,
      method: application.method,
      automatic: application.automatic,
      amount: amount.negated(),
      currency,
      // A withdrawn deduction nets to zero; an approved one stands (its credit note is not undone).
      deductionAmount: pending ? deductionAmount.negated() : ZERO,
      deductionStatus: 'NONE',
      appliedAt: at,
      reversalReason: reason,
    },
    original: { reversedAt: at, reversalReason: reason, deductionStatus: pending ? 'NONE' : application.deductionStatus },
    invoice: { amountApplied, balanceDue, status: invoiceStatusAfterCash({ status: invoice.status, amountApplied, balanceDue, postedAt: invoice.postedAt }) },
    receipt: {
      appliedAmount,
      unappliedAmount,
      refundedAmount,
      status: receiptStatus({ amount: receipt.amount, appliedAmount, unappliedAmount, refundedAmount }),
    },
    deductionFollowUp: pending ? 'WITHDRAW_PENDING_DEDUCTION' : application.deductionStatus === 'APPROVED' ? 'APPROVED_CREDIT_NOTE_STANDS' : 'NONE',
    exceptions: disposition === 'UNAPPLIED' && unappliedAmount.greaterThan(0) ? [{ code: 'UNAPPLIED_CASH', amount: unappliedAmount, currency }] : [],
  };
}
