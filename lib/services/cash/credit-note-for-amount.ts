// Pure: the credit note whose total (tax included) is a given gross amount — a payer's
// deduction or a conceded dispute is a sum off the invoice's total, not a line. The amount
// is spread over the lines still creditable in proportion to what is left on each (amount +
// tax), each part is turned back into a net amount at the line's own tax ratio and the
// core's credit computation drafts the note. Tax computed on a net amount cannot hit every
// gross cent (at 20 %, nets 52.77 and 52.78 give 63.32 and 63.34, never 63.33), so the last
// cent or two is taken as tax rounding on the largest line — the tax share of a gross
// amount, as the payer computed it. (Belongs in lib/domain/billing next to creditInvoice.)
import { creditInvoice, type CreditNoteDraft, type IssuedInvoiceInput } from '../../domain/billing/reverse-invoice.ts';
import { allocate, formatMinor, minorUnits, roundToMinor } from '../../domain/money/currency.ts';
import { dec, max, sum, type DecimalInput } from '../../domain/money/decimal.ts';

export type CreditNoteForAmount = { ok: true; draft: CreditNoteDraft } | { ok: false; message: string };

export function creditNoteForAmount(invoice: IssuedInvoiceInput, grossAmount: DecimalInput, reason: CreditNoteDraft['reason']): CreditNoteForAmount {
  const gross = dec(grossAmount);
  const currency = invoice.currency.toUpperCase();
  if (!gross.greaterThan(0) || gross.decimalPlaces() > minorUnits(currency)) return { ok: false, message: `Credit a positive amount in whole ${currency} minor units.` };
  const open = invoice.lines
    .map((line) => {
      const net = dec(line.amount).plus(dec(line.creditedAmount ?? 0));
      const tax = dec(line.taxAmount).plus(dec(line.creditedTaxAmount ?? 0));
      return { id: line.id, net, tax, gross: net.plus(tax) };
    })
    .filter((line) => line.net.greaterThan(0) && line.gross.greaterThan(0));
  const creditable = sum(open.map((line) => line.gross));
  if (open.length === 0 || gross.greaterThan(creditable)) return { ok: false, message: `Only ${formatMinor(creditable, currency)} ${currency} is left to credit on the invoice.` };

  const parts = allocate(gross, open.map((line) => line.gross), currency);
  const lines = open.flatMap((line, i) => {
    if (parts[i]!.equals(line.gross)) return [{ invoiceLineId: line.id }];
    const net = roundToMinor(parts[i]!.times(line.net).dividedBy(line.gross), currency);
    return net.greaterThan(0) ? [{ invoiceLineId: line.id, amount: net.toFixed() }] : [];
  });
  const decision = creditInvoice({ invoice, reason, lines });
  if (!decision.ok) return { ok: false, message: decision.errors.map((e) => e.message).join(' ') };

  const draft = decision.creditNote;
  const difference = gross.minus(dec(draft.total).abs());
  if (difference.isZero()) return { ok: true, draft };
  // Credit-note amounts are negative: more credit is a more negative tax.
  const target = draft.lines.reduce((best, line) => (dec(line.amount).abs().greaterThan(dec(best.amount).abs()) ? line : best));
  const original = open.find((line) => line.id === target.creditedLineId)!;
  const taxAmount = dec(target.taxAmount).minus(difference);
  if (taxAmount.greaterThan(0) || taxAmount.abs().greaterThan(max(original.tax, 0)) || difference.abs().greaterThan(dec(draft.lines.length).dividedBy(10 ** minorUnits(currency)))) {
    return { ok: false, message: `The credit note cannot total exactly ${formatMinor(gross, currency)} ${currency}.` };
  }
  const adjusted = draft.lines.map((line) => (line === target ? { ...line, taxAmount: formatMinor(taxAmount, currency) } : line));
  const taxTotal = sum(adjusted.map((line) => line.taxAmount));
  return { ok: true, draft: { ...draft, lines: adjusted, taxTotal: formatMinor(taxTotal, currency), total: formatMinor(dec(draft.subtotal).plus(taxTotal), currency) } };
}
