// Cash-application accuracy (DESIGN.md §10): what the matcher got right on its own.
// Per payment: receipts received in the period that were applied automatically — at least
// one automatic application, none by a person — and never reversed, ÷ all receipts
// received in the period (an unapplied receipt counts against it). Per invoice line: the
// automatic, never-reversed applications ÷ all applications of those receipts. A reversal
// counts against the figure whenever it happens (§6). And the unapplied cash still on
// receipts, in the group currency.
import type { CashApplicationKind, CashReceiptStatus } from '../../db/generated/enums.ts';
import { Decimal, ZERO, dec, type DecimalInput } from '../money/decimal.ts';
import { roundGroup, toGroup, type ToGroupCurrency } from './group-currency-conversion.ts';
import { assertPeriod, inPeriod, type Period } from './kpi-period.ts';
import { ratio } from './kpi-value.ts';

export interface AccuracyReceiptRow {
  id: string;
  receivedAt: Date;
}

export interface AccuracyApplicationRow {
  id: string;
  receiptId: string;
  kind: CashApplicationKind;
  automatic: boolean;
  reversedAt: Date | null;
}

export interface AccuracyFigure {
  accurate: number;
  total: number;
  /** accurate ÷ total; null when there is nothing to judge. */
  ratio: Decimal | null;
}

export interface CashApplicationAccuracy {
  perPayment: AccuracyFigure;
  perInvoiceLine: AccuracyFigure;
}

export function cashApplicationAccuracy(options: { receipts: readonly AccuracyReceiptRow[]; applications: readonly AccuracyApplicationRow[]; period: Period }): CashApplicationAccuracy {
  const { receipts, applications, period } = options;
  assertPeriod(period);
  const inScope = new Set(receipts.filter((receipt) => inPeriod(receipt.receivedAt, period)).map((receipt) => receipt.id));
  // REVERSAL rows are the twins of reversed applications, already judged through reversedAt.
  const lines = applications.filter((application) => application.kind === 'APPLICATION' && inScope.has(application.receiptId));
  const isAccurate = (application: AccuracyApplicationRow) => application.automatic && application.reversedAt === null;

  const byReceipt = new Map<string, AccuracyApplicationRow[]>();
  for (const line of lines) {
    const own = byReceipt.get(line.receiptId);
    if (own) own.push(line);
    else byReceipt.set(line.receiptId, [line]);
  }
  let accuratePayments = 0;
  for (const receiptId of inScope) {
    const own = byReceipt.get(receiptId) ?? [];
    if (own.length > 0 && own.every(isAccurate)) accuratePayments++;
  }
  const accurateLines = lines.filter(isAccurate).length;
  return {
    perPayment: { accurate: accuratePayments, total: inScope.size, ratio: ratio(accuratePayments, inScope.size) },
    perInvoiceLine: { accurate: accurateLines, total: lines.length, ratio: ratio(accurateLines, lines.length) },
  };
}

export interface UnappliedReceiptRow {
  id: string;
  status: CashReceiptStatus;
  currency: string;
  unappliedAmount: DecimalInput;
  receivedAt: Date;
}

/** Cash received and not applied (on account, overpayments, unmatched), now. Refunded receipts hold none. */
export function unappliedCash(options: { receipts: readonly UnappliedReceiptRow[]; toGroupCurrency: ToGroupCurrency }): { amount: Decimal; receipts: number } {
  let amount = ZERO;
  let count = 0;
  for (const receipt of options.receipts) {
    if (receipt.status === 'REFUNDED' || !dec(receipt.unappliedAmount).greaterThan(0)) continue;
    amount = amount.plus(toGroup(options.toGroupCurrency, receipt.unappliedAmount, receipt.currency, receipt.receivedAt));
    count++;
  }
  return { amount: roundGroup(amount), receipts: count };
}
