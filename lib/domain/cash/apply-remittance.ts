// Rule 1 of cash application (DESIGN.md §6): the payer's remittance lines name the invoices
// they pay. Each line is applied up to the invoice's balance and what is left of the
// receipt. A short line with a deduction and a reason code is a short pay: the cash is
// applied and the deduction is proposed, waiting for FINANCE (SHORT_PAY_DEDUCTION); without
// a reason code it is a partial payment and the balance stays open. A line naming another
// client's invoice is still applied (parents pay for subsidiaries) but flagged.
import { Decimal, ZERO, dec, min } from '../money/decimal.ts';
import type { CashExceptionToRaise, InvoiceToMatch, MatchFlag, ProposedApplication, ReceiptToMatch, RemittanceLine } from './cash-types.ts';
import { isOpenForCash, normalizeInvoiceNumber, sameCurrency } from './open-invoices.ts';

export interface RemittanceOutcome {
  applications: ProposedApplication[];
  exceptions: CashExceptionToRaise[];
  flags: MatchFlag[];
  applied: Decimal;
  /** True when at least one line named an invoice that exists: the payer's intent is then known. */
  namedKnownInvoice: boolean;
}

interface Balance {
  due: Decimal;
  /** Deductions proposed by earlier lines of this receipt: not due as cash any more. */
  reserved: Decimal;
}

export function applyRemittance(options: { receipt: ReceiptToMatch; lines: readonly RemittanceLine[]; invoices: readonly InvoiceToMatch[] }): RemittanceOutcome {
  const { receipt, lines, invoices } = options;
  const receiptAmount = dec(receipt.amount);
  const currency = receipt.currency.trim().toUpperCase();
  const outcome: RemittanceOutcome = { applications: [], exceptions: [], flags: [], applied: ZERO, namedKnownInvoice: false };
  const balances = new Map<string, Balance>();

  lines.forEach((line, index) => {
    const lineAmount = dec(line.amount);
    const deduction = dec(line.deduction ?? 0);
    if (!lineAmount.greaterThan(0)) throw new RangeError(`Remittance line ${index}: amount must be positive`);
    if (deduction.isNegative()) throw new RangeError(`Remittance line ${index}: deduction must not be negative`);
    const flag = (kind: MatchFlag['kind'], extra: Omit<MatchFlag, 'kind' | 'remittanceLineIndex' | 'invoiceNumber'> = {}): void => {
      outcome.flags.push({ kind, remittanceLineIndex: index, invoiceNumber: line.invoiceNumber, ...extra });
    };

    const found = findNamedInvoice(line.invoiceNumber, invoices, receipt.payerClientId);
    if (found.kind !== 'found') return flag(found.kind === 'none' ? 'INVOICE_NOT_FOUND' : 'INVOICE_NUMBER_AMBIGUOUS', { amount: lineAmount });
    const invoice = found.invoice;
    outcome.namedKnownInvoice = true;
    if (!sameCurrency(invoice.currency, currency)) return flag('CURRENCY_MISMATCH', { invoiceId: invoice.id, amount: lineAmount });
    if (!isOpenForCash(invoice)) return flag('INVOICE_NOT_OPEN', { invoiceId: invoice.id, amount: lineAmount });
    if (receipt.payerClientId !== null && invoice.clientId !== receipt.payerClientId) flag('PAYER_MISMATCH', { invoiceId: invoice.id });

    const balance = balances.get(invoice.id) ?? { due: dec(invoice.balanceDue), reserved: ZERO };
    balances.set(invoice.id, balance);
    const available = balance.due.minus(balance.reserved);
    const receiptLeft = receiptAmount.minus(outcome.applied);
    const amount = min(min(lineAmount, available), receiptLeft);
    if (lineAmount.greaterThan(available)) flag('LINE_EXCEEDS_BALANCE', { invoiceId: invoice.id, amount: lineAmount.minus(Decimal.max(available, ZERO)) });
    if (min(lineAmount, available).greaterThan(receiptLeft)) flag('REMITTANCE_EXCEEDS_RECEIPT', { invoiceId: invoice.id, amount: min(lineAmount, available).minus(receiptLeft) });
    if (!amount.greaterThan(0)) return;

    const deductionTerms = decideDeduction({ line, lineAmount, deduction, amount, available });
    if (deductionTerms.flag) flag(deductionTerms.flag, { invoiceId: invoice.id, amount: deduction });
    balance.due = balance.due.minus(amount);
    balance.reserved = balance.reserved.plus(deductionTerms.amount);
    outcome.applied = outcome.applied.plus(amount);
    outcome.applications.push({
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      method: 'REMITTANCE',
      amount,
      currency,
      deductionAmount: deductionTerms.amount,
      deductionReasonCode: deductionTerms.amount.isZero() ? null : (line.reasonCode ?? null),
      deductionStatus: deductionTerms.amount.isZero() ? 'NONE' : 'PENDING_APPROVAL',
      balanceDueAfter: balance.due,
      remittanceLineIndex: index,
      remittanceInvoiceRef: line.invoiceNumber,
    });
    if (deductionTerms.amount.greaterThan(0)) {
      outcome.exceptions.push({ code: 'SHORT_PAY_DEDUCTION', amount: deductionTerms.amount, currency, invoiceId: invoice.id });
    }
  });
  return outcome;
}

type NamedInvoice = { kind: 'found'; invoice: InvoiceToMatch } | { kind: 'none' } | { kind: 'ambiguous' };

// Our number or the ERP's. Numbers are unique per legal entity only, so two hits are
// possible: the payer's own invoice wins; otherwise nobody can tell which was meant.
function findNamedInvoice(reference: string, invoices: readonly InvoiceToMatch[], payerClientId: string | null): NamedInvoice {
  const ref = normalizeInvoiceNumber(reference);
  const hits = new Map<string, InvoiceToMatch>();
  for (const invoice of invoices) {
    const numbers = [invoice.number, invoice.erpInvoiceNumber].filter((n): n is string => typeof n === 'string').map(normalizeInvoiceNumber);
    if (numbers.includes(ref)) hits.set(invoice.id, invoice);
  }
  const all = [...hits.values()];
  const payers = all.filter((invoice) => invoice.clientId === payerClientId);
  const pick = all.length === 1 ? all : payers;
  if (all.length === 0) return { kind: 'none' };
  return pick.length === 1 ? { kind: 'found', invoice: pick[0]! } : { kind: 'ambiguous' };
}

// The payer's deduction is proposed only when the line was honoured in full (otherwise the
// shortfall is not the one the payer explained) and only up to what is still due after the
// cash. It needs a reason code: an unexplained shortfall is a partial payment.
function decideDeduction(input: { line: RemittanceLine; lineAmount: Decimal; deduction: Decimal; amount: Decimal; available: Decimal }): {
  amount: Decimal;
  flag?: 'DEDUCTION_WITHOUT_REASON' | 'DEDUCTION_DOES_NOT_SETTLE';
} {
  const { line, lineAmount, deduction, amount, available } = input;
  if (deduction.isZero()) return { amount: ZERO };
  if (!line.reasonCode) return { amount: ZERO, flag: 'DEDUCTION_WITHOUT_REASON' };
  if (!amount.equals(lineAmount)) return { amount: ZERO, flag: 'DEDUCTION_DOES_NOT_SETTLE' };
  const proposed = min(deduction, available.minus(amount));
  const settles = lineAmount.plus(deduction).equals(available);
  return { amount: Decimal.max(proposed, ZERO), ...(settles ? {} : { flag: 'DEDUCTION_DOES_NOT_SETTLE' as const }) };
}
