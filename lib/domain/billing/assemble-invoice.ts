// Turns a billing model's draft into the invoice to issue: line numbers, tax per line,
// subtotal, tax total, total and due date — and refuses, with every reason at once, a
// draft that breaks an invariant (a line without sources, a source billed twice, amounts
// that do not add up). Nothing is ever silently dropped.
//
// Tax is computed and rounded PER LINE (half-up at the currency's minor unit), and the
// tax total is the sum of the line taxes. DESIGN.md §3 rounds "per invoice line, in one
// place"; InvoiceLine keeps taxRate and taxAmount, so each line's tax is what the ERP
// posts, and a credit note that credits a line reverses exactly that line's tax. The
// price is that the total can differ by a minor unit from rate × subtotal on invoices
// with many lines. A tax engine that returns amounts per line is taken as is (rounded
// to the minor unit if it sent more decimals). An exempt invoice has no tax at all.
//
// A draft may net to a negative total (a week whose reversal exceeds its new time); it is
// assembled as is and the workflow decides how to issue it.
import { roundToMinor, formatMinor, minorUnits } from '../money/currency.ts';
import { dec, sum, type DecimalInput } from '../money/decimal.ts';
import { addDays, type IsoDate } from '../periods/calendar-date.ts';
import { decimalText, type DraftInvoiceLine, type InvoiceDraft } from './invoice-draft.ts';

/** The tax engine's answer for one line: a rate (fraction, 0.2 = 20 %) or an amount. */
export interface LineTaxInput {
  rate?: DecimalInput | null;
  amount?: DecimalInput | null;
  /** TaxCode.code, e.g. GB-VAT-STD. */
  taxCode?: string | null;
}

export type InvoiceTaxInput = { exempt: true } | { exempt: false; lines: readonly LineTaxInput[] };

export interface AssembledInvoiceLine extends DraftInvoiceLine {
  lineNo: number;
  taxCode: string | null;
  taxRate: string | null;
  taxAmount: string;
}

export interface AssembledInvoice extends Omit<InvoiceDraft, 'lines'> {
  lines: AssembledInvoiceLine[];
  subtotal: string;
  taxTotal: string;
  total: string;
  taxExempt: boolean;
  issueDate: IsoDate;
  dueDate: IsoDate;
  paymentTermsDays: number;
}

export type AssemblyErrorCode =
  | 'NO_LINES'
  | 'CURRENCY_MISMATCH'
  | 'LINE_WITHOUT_SOURCE'
  | 'LINE_AMOUNT_MISMATCH'
  | 'DUPLICATE_BILLING_KEY'
  | 'ALREADY_BILLED'
  | 'TAX_LINES_MISMATCH'
  | 'TAX_MISSING'
  | 'INVALID_PAYMENT_TERMS';

export interface AssemblyError {
  code: AssemblyErrorCode;
  message: string;
  lineIndex?: number;
  billingKey?: string;
}

export type AssembleInvoiceResult = { ok: true; invoice: AssembledInvoice } | { ok: false; errors: AssemblyError[] };

export function assembleInvoice(options: {
  draft: InvoiceDraft;
  issueDate: IsoDate;
  paymentTermsDays: number;
  tax: InvoiceTaxInput;
  /** Billing keys in force anywhere (InvoiceLineSource.billingKey not null) for these sources. */
  alreadyBilledKeys: Iterable<string>;
}): AssembleInvoiceResult {
  const { draft, issueDate, paymentTermsDays, tax } = options;
  const currency = draft.currency.toUpperCase();
  const errors: AssemblyError[] = [];
  if (draft.lines.length === 0) errors.push({ code: 'NO_LINES', message: 'An invoice needs at least one line.' });
  if (!Number.isSafeInteger(paymentTermsDays) || paymentTermsDays < 0) {
    errors.push({ code: 'INVALID_PAYMENT_TERMS', message: `Payment terms must be whole days ≥ 0, got ${paymentTermsDays}.` });
  }
  if (!tax.exempt && tax.lines.length !== draft.lines.length) {
    errors.push({ code: 'TAX_LINES_MISMATCH', message: `The tax result has ${tax.lines.length} lines for ${draft.lines.length} invoice lines.` });
  }
  errors.push(...checkLines(draft.lines, currency, new Set(options.alreadyBilledKeys)));

  const lines: AssembledInvoiceLine[] = [];
  draft.lines.forEach((line, index) => {
    const lineTax = tax.exempt ? null : tax.lines[index];
    if (!tax.exempt && lineTax && !hasValue(lineTax.rate) && !hasValue(lineTax.amount)) {
      errors.push({ code: 'TAX_MISSING', lineIndex: index, message: `Line ${index + 1} has neither a tax rate nor a tax amount: an invoice is never issued without tax.` });
    }
    lines.push({ ...line, lineNo: index + 1, ...lineTaxFigures(line, lineTax ?? null, currency) });
  });
  if (errors.length > 0) return { ok: false, errors };

  const subtotal = sum(lines.map((l) => l.amount));
  const taxTotal = sum(lines.map((l) => l.taxAmount));
  return {
    ok: true,
    invoice: {
      engagementId: draft.engagementId,
      currency,
      billingPeriodKey: draft.billingPeriodKey,
      servicePeriodStart: draft.servicePeriodStart,
      servicePeriodEnd: draft.servicePeriodEnd,
      eligibleOn: draft.eligibleOn,
      lines,
      subtotal: formatMinor(subtotal, currency),
      taxTotal: formatMinor(taxTotal, currency),
      total: formatMinor(subtotal.plus(taxTotal), currency),
      taxExempt: tax.exempt,
      issueDate,
      dueDate: addDays(issueDate, paymentTermsDays),
      paymentTermsDays,
    },
  };
}

function checkLines(lines: readonly DraftInvoiceLine[], currency: string, alreadyBilled: ReadonlySet<string>): AssemblyError[] {
  const errors: AssemblyError[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const where = `Line ${index + 1} (${line.description})`;
    if (line.currency.toUpperCase() !== currency || line.sources.some((s) => s.currency.toUpperCase() !== currency)) {
      errors.push({ code: 'CURRENCY_MISMATCH', lineIndex: index, message: `${where} is not entirely in ${currency}.` });
    }
    if (line.sources.length === 0) {
      errors.push({ code: 'LINE_WITHOUT_SOURCE', lineIndex: index, message: `${where} has no source: every amount must be explainable.` });
    } else {
      const expected = roundToMinor(sum(line.sources.map((s) => s.amount)), currency);
      const stated = dec(line.amount);
      if (!stated.equals(expected) || stated.decimalPlaces() > minorUnits(currency)) {
        errors.push({ code: 'LINE_AMOUNT_MISMATCH', lineIndex: index, message: `${where} says ${line.amount}; its sources round to ${formatMinor(expected, currency)}.` });
      }
    }
    for (const source of line.sources) {
      if (seen.has(source.billingKey)) {
        errors.push({ code: 'DUPLICATE_BILLING_KEY', lineIndex: index, billingKey: source.billingKey, message: `${source.billingKey} appears twice on this invoice.` });
      } else if (alreadyBilled.has(source.billingKey)) {
        errors.push({ code: 'ALREADY_BILLED', lineIndex: index, billingKey: source.billingKey, message: `${source.billingKey} is already billed on another invoice.` });
      }
      seen.add(source.billingKey);
    }
  });
  return errors;
}

function lineTaxFigures(line: DraftInvoiceLine, lineTax: LineTaxInput | null, currency: string): Pick<AssembledInvoiceLine, 'taxCode' | 'taxRate' | 'taxAmount'> {
  if (lineTax === null) return { taxCode: null, taxRate: null, taxAmount: formatMinor(0, currency) };
  const rate = hasValue(lineTax.rate) ? dec(lineTax.rate) : null;
  // The engine's amount wins over our rate × amount: it is what the authority will see.
  const exact = hasValue(lineTax.amount) ? dec(lineTax.amount) : rate ? dec(line.amount).times(rate) : dec(0);
  return { taxCode: lineTax.taxCode ?? null, taxRate: rate ? decimalText(rate) : null, taxAmount: formatMinor(exact, currency) };
}

function hasValue(value: DecimalInput | null | undefined): value is DecimalInput {
  return value !== null && value !== undefined;
}
