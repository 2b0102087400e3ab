// Pure: which lines, by how much, a credit note must credit so that its total (tax
// included) is a given gross amount — a payer's deduction or a conceded dispute is a sum
// off the invoice's total, not a line. The amount is spread over the lines still
// creditable in proportion to what is left on each (amount + tax), each part is turned
// back into a net amount at the line's own tax ratio, and the core's credit computation
// is asked; a cent of rounding is given back to the largest line. (Belongs in
// lib/domain/billing next to creditInvoice; kept here until that folder can take it.)
import { creditInvoice, type CreditRequest, type IssuedInvoiceInput } from '../../domain/billing/reverse-invoice.ts';
import { allocate, roundToMinor } from '../../domain/money/currency.ts';
import { dec, max, type Decimal, type DecimalInput } from '../../domain/money/decimal.ts';

export type CreditLinesForAmount = { ok: true; lines: CreditRequest[]; total: Decimal } | { ok: false; message: string };

export function creditLinesForAmount(invoice: IssuedInvoiceInput, grossAmount: DecimalInput, reason: Parameters<typeof creditInvoice>[0]['reason']): CreditLinesForAmount {
  const gross = dec(grossAmount);
  const currency = invoice.currency;
  if (!gross.greaterThan(0)) return { ok: false, message: 'A credit must be positive.' };
  const open = invoice.lines
    .map((line) => {
      const net = dec(line.amount).plus(dec(line.creditedAmount ?? 0));
      const tax = dec(line.taxAmount).plus(dec(line.creditedTaxAmount ?? 0));
      return { id: line.id, net, gross: net.plus(tax) };
    })
    .filter((line) => line.net.greaterThan(0) && line.gross.greaterThan(0));
  const creditable = open.reduce((total, line) => total.plus(line.gross), dec(0));
  if (gross.greaterThan(creditable)) return { ok: false, message: `Only ${creditable.toFixed()} ${currency} is left to credit on the invoice.` };

  const parts = allocate(gross, open.map((line) => line.gross), currency);
  const nets = open.map((line, i) => (parts[i]!.equals(line.gross) ? line.net : roundToMinor(parts[i]!.times(line.net).dividedBy(line.gross), currency)));
  const largest = open.reduce((best, line, i) => (line.gross.greaterThan(open[best]!.gross) ? i : best), 0);

  let result: CreditLinesForAmount = { ok: false, message: 'Nothing to credit.' };
  for (let attempt = 0; attempt < 3; attempt++) {
    const lines: CreditRequest[] = open.flatMap((line, i) => {
      const net = nets[i]!;
      if (!net.greaterThan(0)) return [];
      return [net.greaterThanOrEqualTo(line.net) ? { invoiceLineId: line.id } : { invoiceLineId: line.id, amount: net.toFixed() }];
    });
    const decision = creditInvoice({ invoice, reason, lines });
    if (!decision.ok) return { ok: false, message: decision.errors.map((e) => e.message).join(' ') };
    const total = dec(decision.creditNote.total).abs();
    result = { ok: true, lines, total };
    const difference = gross.minus(total);
    if (difference.isZero()) break;
    // Tax rounding moved the total by a cent or so: correct the net of the largest line.
    const adjusted = max(nets[largest]!.plus(difference), 0);
    nets[largest] = adjusted.greaterThan(open[largest]!.net) ? open[largest]!.net : adjusted;
  }
  return result;
}
