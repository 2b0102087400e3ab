import { describe, expect, it } from 'vitest';
import { mentions, suggestMatches, type InvoiceToSuggest, type MatchEvidence, type ReceiptToSuggest } from './suggest-matches.ts';

const receipt = (overrides: Partial<ReceiptToSuggest> = {}): ReceiptToSuggest => ({
  unapplied: '1000.00',
  currency: 'USD',
  receivedOn: '2026-03-20',
  payerClientId: 'payer',
  payerRelatedClientIds: ['parent', 'sibling'],
  referenceText: '',
  ...overrides,
});

const invoice = (overrides: Partial<InvoiceToSuggest> = {}): InvoiceToSuggest => ({
  id: 'inv',
  number: 'INV-US01-2026-000123',
  erpInvoiceNumber: null,
  clientId: 'payer',
  currency: 'USD',
  balanceDue: '1000.00',
  issueDate: '2026-03-01',
  dueDate: '2026-03-31',
  ...overrides,
});

const one = (r: Partial<ReceiptToSuggest>, i: Partial<InvoiceToSuggest>) => suggestMatches({ receipt: receipt(r), invoices: [invoice(i)] })[0] ?? null;

describe('suggestMatches: evidence and score of one candidate', () => {
  it.each<[string, Partial<ReceiptToSuggest>, Partial<InvoiceToSuggest>, MatchEvidence[] | null, number | null, string | null]>([
    // name, receipt, invoice, evidence, score, apply amount
    ['exact amount, same client, within terms', {}, {}, ['AMOUNT_EXACT', 'SAME_CLIENT', 'WITHIN_TERMS'], 70, '1000.00'],
    ['exact to the cent only', {}, { balanceDue: '1000.01' }, ['AMOUNT_PARTIAL', 'SAME_CLIENT', 'WITHIN_TERMS'], 40, '1000.00'],
    ['receipt covers a smaller invoice', {}, { balanceDue: '400.00' }, ['AMOUNT_COVERS_INVOICE', 'SAME_CLIENT', 'WITHIN_TERMS'], 50, '400.00'],
    ['reference names our number', { referenceText: 'Payment for inv-us01-2026-000123, thanks', payerClientId: null }, { balanceDue: '5000.00' }, ['AMOUNT_PARTIAL', 'REFERENCE', 'WITHIN_TERMS'], 50, '1000.00'],
    ['reference names the ERP number', { referenceText: 'ERP 88123', payerClientId: null }, { erpInvoiceNumber: '88123' }, ['AMOUNT_EXACT', 'REFERENCE', 'WITHIN_TERMS'], 80, '1000.00'],
    ['payer in the invoice client hierarchy', {}, { clientId: 'parent' }, ['AMOUNT_EXACT', 'CLIENT_HIERARCHY', 'WITHIN_TERMS'], 60, '1000.00'],
    ['late but near terms', { receivedOn: '2026-05-10' }, {}, ['AMOUNT_EXACT', 'SAME_CLIENT', 'NEAR_TERMS'], 65, '1000.00'],
    ['long after terms: no timing evidence', { receivedOn: '2026-08-01' }, {}, ['AMOUNT_EXACT', 'SAME_CLIENT'], 60, '1000.00'],
    ['paid before the invoice was issued', { receivedOn: '2026-02-15' }, {}, ['AMOUNT_EXACT', 'SAME_CLIENT'], 60, '1000.00'],
    ['no terms: due on issue', { receivedOn: '2026-03-01' }, { dueDate: null }, ['AMOUNT_EXACT', 'SAME_CLIENT', 'WITHIN_TERMS'], 70, '1000.00'],
    ['another currency is never suggested', {}, { currency: 'EUR' }, null, null, null],
    ['currency compared loosely', { currency: 'usd ' }, {}, ['AMOUNT_EXACT', 'SAME_CLIENT', 'WITHIN_TERMS'], 70, '1000.00'],
    ['a settled invoice is never suggested', {}, { balanceDue: '0.00' }, null, null, null],
    ['an unrelated client with a partial amount is noise', { payerClientId: 'someone-else', payerRelatedClientIds: [] }, { balanceDue: '3000.00' }, null, null, null],
    ['unknown payer, exact amount only', { payerClientId: null, payerRelatedClientIds: [], receivedOn: '2026-08-01' }, {}, ['AMOUNT_EXACT'], 40, '1000.00'],
  ])('%s', (_name, r, i, evidence, score, applyAmount) => {
    const match = one(r, i);
    if (evidence === null) return expect(match).toBeNull();
    expect(match).not.toBeNull();
    expect({ evidence: match!.evidence, score: match!.score, applyAmount: match!.applyAmount.toFixed(2) }).toEqual({ evidence, score, applyAmount });
  });

  it('nothing to suggest for a receipt with nothing unapplied', () => {
    expect(suggestMatches({ receipt: receipt({ unapplied: '0' }), invoices: [invoice()] })).toEqual([]);
  });
});

describe('suggestMatches: ranking', () => {
  it('best score first, then the earliest due date, then the number; at most `limit`', () => {
    const invoices = [
      invoice({ id: 'partial', number: 'A-1', balanceDue: '2500.00' }),
      invoice({ id: 'exact-late-due', number: 'A-2', dueDate: '2026-04-15' }),
      invoice({ id: 'exact-early-due', number: 'A-3', dueDate: '2026-03-25' }),
      invoice({ id: 'exact-same-due-b', number: 'B-9', dueDate: '2026-03-25' }),
      invoice({ id: 'named', number: 'A-5', balanceDue: '9000.00', clientId: 'stranger' }),
    ];
    const ranked = suggestMatches({ receipt: receipt({ referenceText: 'A-5' }), invoices, limit: 4 });
    expect(ranked.map((m) => [m.invoiceId, m.score])).toEqual([
      ['exact-early-due', 70],
      ['exact-same-due-b', 70],
      ['exact-late-due', 70],
      ['named', 50],
    ]);
  });
});

describe('mentions', () => {
  it.each([
    ['INV-123', 'INV-123', true],
    ['PAYING INV-123.', 'INV-123', true],
    ['INV-1234', 'INV-123', false],
    ['XINV-123', 'INV-123', false],
    ['INV-12 AND INV-123', 'INV-123', true],
    ['ANYTHING', '  ', false],
  ])('%s mentions %s: %s', (text, number, expected) => {
    expect(mentions(text, number)).toBe(expected);
  });
});
