// Suggested invoices for a receipt's unapplied cash (the unapplied-cash workbench). The
// automatic matcher (match-payment.ts) only applies certainties; this ranks the likely
// candidates for a person to confirm. Each invoice earns points for evidence — the amount
// (exact, covering, or partial), its number in the payer's reference text, the payer being
// the invoice's client or in its hierarchy, the receipt falling within the invoice's terms —
// and is never suggested in another currency (cash is not applied across currencies).
import { dec, min, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { toDayNumber, type IsoDate } from '../periods/calendar-date.ts';
import { normalizeInvoiceNumber, sameCurrency } from './open-invoices.ts';

export interface ReceiptToSuggest {
  /** What is still unapplied on the receipt. */
  unapplied: DecimalInput;
  currency: string;
  receivedOn: IsoDate;
  payerClientId: string | null;
  /** The payer's hierarchy (parent, children, siblings) resolved by the caller, without the payer. */
  payerRelatedClientIds: readonly string[];
  /** Remittance text and the invoice references of remittance lines, as the payer wrote them. */
  referenceText: string;
}

export interface InvoiceToSuggest {
  id: string;
  number: string;
  erpInvoiceNumber: string | null;
  clientId: string;
  currency: string;
  balanceDue: DecimalInput;
  issueDate: IsoDate;
  dueDate: IsoDate | null;
}

export type MatchEvidence = 'AMOUNT_EXACT' | 'AMOUNT_COVERS_INVOICE' | 'AMOUNT_PARTIAL' | 'REFERENCE' | 'SAME_CLIENT' | 'CLIENT_HIERARCHY' | 'WITHIN_TERMS' | 'NEAR_TERMS';

export interface SuggestedMatch {
  invoiceId: string;
  score: number;
  evidence: MatchEvidence[];
  /** What applying would move: the smaller of the unapplied cash and the invoice balance. */
  applyAmount: Decimal;
}

export const evidencePoints: Record<MatchEvidence, number> = {
  AMOUNT_EXACT: 40,
  AMOUNT_COVERS_INVOICE: 20,
  AMOUNT_PARTIAL: 10,
  REFERENCE: 30,
  SAME_CLIENT: 20,
  CLIENT_HIERARCHY: 10,
  WITHIN_TERMS: 10,
  NEAR_TERMS: 5,
};

/** Below this an invoice is only an open invoice in the same currency, not a suggestion. */
export const MIN_SUGGESTION_SCORE = 30;
// A payment up to this many days after the due date still reads as paying "on time-ish".
const NEAR_TERMS_DAYS = 60;

export function suggestMatches(options: { receipt: ReceiptToSuggest; invoices: readonly InvoiceToSuggest[]; limit?: number }): SuggestedMatch[] {
  const { receipt, invoices, limit = 5 } = options;
  const unapplied = dec(receipt.unapplied);
  if (!unapplied.greaterThan(0)) return [];
  const reference = normalizeInvoiceNumber(receipt.referenceText);
  const related = new Set(receipt.payerRelatedClientIds);

  const scored = invoices.flatMap((invoice): { match: SuggestedMatch; invoice: InvoiceToSuggest }[] => {
    const balance = dec(invoice.balanceDue);
    if (!balance.greaterThan(0) || !sameCurrency(invoice.currency, receipt.currency)) return [];
    const evidence: MatchEvidence[] = [amountEvidence(unapplied, balance)];
    if (mentions(reference, invoice.number) || (invoice.erpInvoiceNumber && mentions(reference, invoice.erpInvoiceNumber))) evidence.push('REFERENCE');
    if (receipt.payerClientId !== null && invoice.clientId === receipt.payerClientId) evidence.push('SAME_CLIENT');
    else if (related.has(invoice.clientId)) evidence.push('CLIENT_HIERARCHY');
    const timing = timingEvidence(receipt.receivedOn, invoice);
    if (timing) evidence.push(timing);
    const score = evidence.reduce((total, e) => total + evidencePoints[e], 0);
    if (score < MIN_SUGGESTION_SCORE) return [];
    return [{ match: { invoiceId: invoice.id, score, evidence, applyAmount: min(unapplied, balance) }, invoice }];
  });
  return scored
    .sort((a, b) => b.match.score - a.match.score || dueDay(a.invoice) - dueDay(b.invoice) || compare(a.invoice.number, b.invoice.number))
    .slice(0, limit)
    .map((s) => s.match);
}

function amountEvidence(unapplied: Decimal, balance: Decimal): MatchEvidence {
  if (unapplied.equals(balance)) return 'AMOUNT_EXACT';
  return unapplied.greaterThan(balance) ? 'AMOUNT_COVERS_INVOICE' : 'AMOUNT_PARTIAL';
}

/** The number as a whole token of the text: "INV-12" is not found inside "INV-123". */
export function mentions(normalizedText: string, invoiceNumber: string): boolean {
  const number = normalizeInvoiceNumber(invoiceNumber);
  if (number === '') return false;
  let at = normalizedText.indexOf(number);
  while (at !== -1) {
    const before = normalizedText[at - 1];
    const after = normalizedText[at + number.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
    at = normalizedText.indexOf(number, at + 1);
  }
  return false;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Z0-9]/.test(c);

// Paid between issue and due date: within terms. Up to 60 days late: near. Before the
// invoice existed, or long after: no timing evidence.
function timingEvidence(receivedOn: IsoDate, invoice: InvoiceToSuggest): MatchEvidence | null {
  const received = toDayNumber(receivedOn);
  const due = dueDay(invoice);
  if (received < toDayNumber(invoice.issueDate)) return null;
  if (received <= due) return 'WITHIN_TERMS';
  return received - due <= NEAR_TERMS_DAYS ? 'NEAR_TERMS' : null;
}

const dueDay = (invoice: InvoiceToSuggest) => toDayNumber(invoice.dueDate ?? invoice.issueDate);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
