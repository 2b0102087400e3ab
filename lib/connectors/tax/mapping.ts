// Canonical ↔ tax engine: the request Threadline sends for an invoice, and the checks an
// answer must pass before any of its numbers reaches an invoice (zod for the shape, then
// that it answers this document: same lines, amounts at the currency's minor unit, a
// total equal to the sum of the rounded lines).
import { z } from 'zod';
import { dec, sum, type Decimal } from '../../domain/money/decimal.ts';
import { isKnownCurrency, minorUnits } from '../../domain/money/currency.ts';

export interface TaxDocument {
  documentId: string;
  currency: string;
  /** A Date is taken as its UTC calendar day. */
  issueDate: Date | string;
  seller: { legalEntityCode: string; country: string };
  buyer: { nexus: string; exempt: boolean };
  /** Line amounts are already rounded to the currency's minor unit (per invoice line). */
  lines: readonly { lineId: string; amount: string | Decimal; sku: string }[];
}

export interface TaxLine {
  lineId: string;
  taxableAmount: string;
  /** A fraction: "0.2" = 20 %. */
  rate: string;
  taxAmount: string;
  /** TaxJurisdiction.code, e.g. US-HI. */
  jurisdiction: string;
  /** TaxCode.code, e.g. US-HI-STD. */
  taxCode: string;
}

export interface TaxResult {
  connectorCode: string;
  documentId: string;
  currency: string;
  /** In the order of the request's lines. */
  lines: TaxLine[];
  totalTax: string;
  /** The engine answered from its idempotency store (a repeat of an earlier call). */
  replayed: boolean;
}

/** The engine's JSON body; guards against programming errors, not data problems. */
export function toEngineRequest(document: TaxDocument): Record<string, unknown> {
  const { currency } = document;
  if (!isKnownCurrency(currency)) throw new RangeError(`Unknown currency ${currency}`);
  const places = minorUnits(currency);
  const ids = new Set(document.lines.map((l) => l.lineId));
  if (document.lines.length === 0 || ids.size !== document.lines.length) throw new RangeError('A tax document needs lines with unique lineIds');
  return {
    documentId: document.documentId,
    currency,
    issueDate: typeof document.issueDate === 'string' ? document.issueDate : document.issueDate.toISOString().slice(0, 10),
    seller: { legalEntityCode: document.seller.legalEntityCode, country: document.seller.country },
    buyer: { nexus: document.buyer.nexus, exempt: document.buyer.exempt },
    lines: document.lines.map((line) => {
      const amount = dec(line.amount);
      if (amount.decimalPlaces() > places) throw new RangeError(`Line ${line.lineId}: ${amount.toFixed()} is not rounded to ${currency}'s minor unit`);
      return { lineId: line.lineId, amount: amount.toFixed(places), sku: line.sku };
    }),
  };
}

const amount = z.string().regex(/^-?\d{1,18}(\.\d{1,18})?$/);

export const engineResponseSchema = z.object({
  documentId: z.string(),
  currency: z.string().optional(),
  lines: z.array(z.object({ lineId: z.string(), taxableAmount: amount, rate: amount, taxAmount: amount, jurisdiction: z.string().min(1), taxCode: z.string().min(1) })),
  totalTax: amount,
});

/** The result, or the sentence saying why the answer is not one for this document. */
export function fromEngineResponse(document: TaxDocument, body: unknown, connectorCode: string, replayed: boolean): TaxResult | { invalid: string } {
  const parsed = engineResponseSchema.safeParse(body);
  if (!parsed.success) return { invalid: `unexpected shape (${parsed.error.issues.map((i) => `${i.path.join('.') || '/'}: ${i.message}`).join('; ')})` };
  const answer = parsed.data;
  if (answer.documentId !== document.documentId) return { invalid: `it answers document ${answer.documentId}, not ${document.documentId}` };
  if (answer.currency !== undefined && answer.currency !== document.currency) return { invalid: `it is in ${answer.currency}, not ${document.currency}` };

  const byId = new Map(answer.lines.map((l) => [l.lineId, l]));
  if (byId.size !== answer.lines.length || answer.lines.length !== document.lines.length || document.lines.some((l) => !byId.has(l.lineId))) {
    return { invalid: 'its lines are not the lines of the request' };
  }
  const places = minorUnits(document.currency);
  const lines = document.lines.map((l) => byId.get(l.lineId)!);
  if (lines.some((l) => dec(l.taxAmount).decimalPlaces() > places)) return { invalid: `a tax amount is finer than ${document.currency}'s minor unit` };
  if (!sum(lines.map((l) => l.taxAmount)).equals(dec(answer.totalTax))) return { invalid: `totalTax ${answer.totalTax} is not the sum of its lines` };

  // Canonical text: exactly the minor unit's decimals, rates without trailing zeros.
  const money = (value: string) => fixed(dec(value), places);
  return {
    connectorCode,
    documentId: document.documentId,
    currency: document.currency,
    lines: lines.map((l) => ({ ...l, taxableAmount: money(l.taxableAmount), rate: dec(l.rate).toFixed(), taxAmount: money(l.taxAmount) })),
    totalTax: money(answer.totalTax),
    replayed,
  };
}

function fixed(value: Decimal, places: number): string {
  return (value.isZero() ? dec(0) : value).toFixed(places);
}
