import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, invoiceNumberSeries, nextNumber, parseInvoiceNumber } from './invoice-number.ts';

describe('formatInvoiceNumber', () => {
  it.each([
    [{ kind: 'INVOICE' as const, legalEntityCode: 'US01', year: 2026, sequence: 42 }, 'US01-2026-000042'],
    [{ kind: 'INVOICE' as const, legalEntityCode: 'IN01', year: 2027, sequence: 999_999 }, 'IN01-2027-999999'],
    [{ kind: 'CREDIT_NOTE' as const, legalEntityCode: 'GB01', year: 2026, sequence: 7 }, 'CN-GB01-2026-000007'],
  ])('%j → %s', (parts, expected) => {
    expect(formatInvoiceNumber(parts)).toBe(expected);
    expect(parseInvoiceNumber(expected)).toEqual(parts);
  });

  it.each([
    { kind: 'INVOICE' as const, legalEntityCode: 'us01', year: 2026, sequence: 1 },
    { kind: 'INVOICE' as const, legalEntityCode: 'US01', year: 26, sequence: 1 },
    { kind: 'INVOICE' as const, legalEntityCode: 'US01', year: 2026, sequence: 0 },
    { kind: 'INVOICE' as const, legalEntityCode: 'US01', year: 2026, sequence: 1_000_000 },
  ])('refuses %j', (parts) => {
    expect(() => formatInvoiceNumber(parts)).toThrow(RangeError);
  });
});

describe('parseInvoiceNumber', () => {
  it.each(['US01-2026-42', 'US01-2026-0000042', 'INV-US01-2026-000042', 'US01-2026-000000', 'hello'])('%s is not one', (text) => {
    expect(parseInvoiceNumber(text)).toBeNull();
  });

  it('reads remittance text leniently (case, spaces)', () => {
    expect(parseInvoiceNumber(' cn-de01-2026-000003 ')).toEqual({ kind: 'CREDIT_NOTE', legalEntityCode: 'DE01', year: 2026, sequence: 3 });
  });
});

describe('nextNumber', () => {
  it('takes the row’s next number and returns the one to store', () => {
    expect(nextNumber({ legalEntityCode: 'US01', kind: 'INVOICE', issueDate: '2026-04-06', nextNumber: 42 })).toEqual({
      ok: true,
      number: 'US01-2026-000042',
      sequenceNumber: 42,
      series: 'INV-2026',
      nextNumber: 43,
    });
  });

  it('credit notes and each year have their own series', () => {
    expect(nextNumber({ legalEntityCode: 'US01', kind: 'CREDIT_NOTE', issueDate: '2026-12-31', nextNumber: 1 })).toMatchObject({ number: 'CN-US01-2026-000001', series: 'CN-2026' });
    expect(nextNumber({ legalEntityCode: 'US01', kind: 'INVOICE', issueDate: '2027-01-01', nextNumber: 1 })).toMatchObject({ number: 'US01-2027-000001', series: 'INV-2027' });
    expect(invoiceNumberSeries({ kind: 'INVOICE', year: 2026 })).toBe('INV-2026');
  });

  it('refuses to run past six digits', () => {
    expect(nextNumber({ legalEntityCode: 'US01', kind: 'INVOICE', issueDate: '2026-04-06', nextNumber: 1_000_000 })).toMatchObject({ ok: false, code: 'SEQUENCE_EXHAUSTED', series: 'INV-2026' });
  });
});
