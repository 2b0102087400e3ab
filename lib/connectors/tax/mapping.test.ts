import { describe, expect, it } from 'vitest';
import { dec } from '../../domain/money/decimal.ts';
import { fromEngineResponse, toEngineRequest, type TaxDocument } from './mapping.ts';

const document: TaxDocument = {
  documentId: 'INV-GB01-2026-0042',
  currency: 'GBP',
  issueDate: new Date('2026-04-30T23:30:00Z'),
  seller: { legalEntityCode: 'GB01', country: 'GB' },
  buyer: { nexus: 'GB', exempt: false },
  lines: [
    { lineId: 'a', amount: dec('4160'), sku: 'ADV-SENIOR' },
    { lineId: 'b', amount: '0.25', sku: 'EXP-TRAVEL' },
  ],
};

// Recorded from simulators/tax-engine for the document above.
const recorded = {
  documentId: 'INV-GB01-2026-0042',
  currency: 'GBP',
  lines: [
    { lineId: 'a', taxableAmount: '4160.00', rate: '0.2', taxAmount: '832.00', jurisdiction: 'GB', taxCode: 'GB-VAT-STD' },
    { lineId: 'b', taxableAmount: '0.25', rate: '0.2', taxAmount: '0.05', jurisdiction: 'GB', taxCode: 'GB-VAT-STD' },
  ],
  totalTax: '832.05',
};

describe('toEngineRequest', () => {
  it('sends amounts as fixed-point strings and the issue date as its UTC day', () => {
    expect(toEngineRequest(document)).toEqual({
      documentId: 'INV-GB01-2026-0042',
      currency: 'GBP',
      issueDate: '2026-04-30',
      seller: { legalEntityCode: 'GB01', country: 'GB' },
      buyer: { nexus: 'GB', exempt: false },
      lines: [
        { lineId: 'a', amount: '4160.00', sku: 'ADV-SENIOR' },
        { lineId: 'b', amount: '0.25', sku: 'EXP-TRAVEL' },
      ],
    });
  });

  it('refuses what is a bug upstream: unrounded amounts, duplicate lines, unknown currencies', () => {
    expect(() => toEngineRequest({ ...document, lines: [{ lineId: 'a', amount: '1.005', sku: 'X' }] })).toThrow(/minor unit/);
    expect(() => toEngineRequest({ ...document, lines: [document.lines[1]!, document.lines[1]!] })).toThrow(/unique/);
    expect(() => toEngineRequest({ ...document, currency: 'ABC' })).toThrow(/Unknown currency/);
  });
});

describe('fromEngineResponse', () => {
  it('maps a recorded answer, lines in the order of the request', () => {
    const reversed = { ...recorded, lines: [...recorded.lines].reverse() };
    expect(fromEngineResponse(document, reversed, 'tax', false)).toEqual({ connectorCode: 'tax', documentId: document.documentId, currency: 'GBP', lines: recorded.lines, totalTax: '832.05', replayed: false });
  });

  it.each([
    ['another document', { ...recorded, documentId: 'INV-X' }, /answers document INV-X/],
    ['another currency', { ...recorded, currency: 'EUR' }, /in EUR/],
    ['a missing line', { ...recorded, lines: recorded.lines.slice(0, 1) }, /lines/],
    ['a duplicated line', { ...recorded, lines: [recorded.lines[0], recorded.lines[0]] }, /lines/],
    ['a total that is not the sum', { ...recorded, totalTax: '832.04' }, /not the sum/],
    ['a sub-penny tax', { ...recorded, lines: [recorded.lines[0], { ...recorded.lines[1], taxAmount: '0.045' }], totalTax: '832.045' }, /minor unit/],
    ['a float amount', { ...recorded, totalTax: 832.05 }, /unexpected shape/],
    ['not an object', 'OK', /unexpected shape/],
  ])('refuses %s', (_name, body, reason) => {
    const result = fromEngineResponse(document, body, 'tax', false);
    expect(result).toEqual({ invalid: expect.stringMatching(reason) });
  });
});
