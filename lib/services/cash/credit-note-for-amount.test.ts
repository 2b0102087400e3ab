// A credit note for a gross amount (a deduction, a conceded dispute): its total is the
// amount to the cent, spread over the lines still creditable, tax included.
import { describe, expect, it } from 'vitest';
import type { IssuedInvoiceInput } from '../../domain/billing/reverse-invoice.ts';
import { sum } from '../../domain/money/decimal.ts';
import { creditNoteForAmount } from './credit-note-for-amount.ts';

const line = (id: string, amount: string, taxRate: string | null, taxAmount: string, credited: [string, string] = ['0', '0']) => ({
  id,
  lineNo: Number(id.slice(1)),
  kind: 'TIME' as const,
  description: `Line ${id}`,
  quantity: '1',
  unitPrice: amount,
  amount,
  taxRate,
  taxAmount,
  creditedAmount: credited[0],
  creditedTaxAmount: credited[1],
  sources: [],
});
const invoice = (lines: ReturnType<typeof line>[], currency = 'GBP'): IssuedInvoiceInput => ({ id: 'inv', kind: 'INVOICE', status: 'POSTED', currency, amountApplied: '0', amountCredited: '0', lines });

describe('creditNoteForAmount', () => {
  it('untaxed: the amount itself, on the one line', () => {
    const result = creditNoteForAmount(invoice([line('l1', '1000.00', null, '0.00')], 'USD'), '50.00', 'DEDUCTION');
    expect(result).toMatchObject({ ok: true, draft: { total: '-50.00', subtotal: '-50.00', taxTotal: '0.00', reason: 'DEDUCTION' } });
  });

  it('20 % VAT: 63.33 gross cannot be net × rate exactly, so the cent goes to tax — total 63.33', () => {
    const result = creditNoteForAmount(invoice([line('l1', '1000.00', '0.2', '200.00')]), '63.33', 'DEDUCTION');
    expect(result).toMatchObject({ ok: true, draft: { subtotal: '-52.78', taxTotal: '-10.55', total: '-63.33' } });
  });

  it('spreads over the lines in proportion to what is left on each, and adds up', () => {
    const result = creditNoteForAmount(invoice([line('l1', '300.00', '0.2', '60.00'), line('l2', '700.00', '0.2', '140.00', ['-100.00', '-20.00'])]), '120.00', 'DISPUTE');
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.total).toBe('-120.00');
    expect(result.draft.lines.map((l) => l.creditedLineId)).toEqual(['l1', 'l2']);
    expect(sum(result.draft.lines.flatMap((l) => [l.amount, l.taxAmount])).toFixed(2)).toBe('-120.00');
  });

  it('refuses more than is left to credit, and amounts below the minor unit', () => {
    expect(creditNoteForAmount(invoice([line('l1', '100.00', null, '0.00', ['-60.00', '0.00'])]), '50.00', 'DEDUCTION')).toMatchObject({ ok: false, message: expect.stringContaining('40.00') });
    expect(creditNoteForAmount(invoice([line('l1', '100.00', null, '0.00')]), '0.005', 'DEDUCTION')).toMatchObject({ ok: false });
  });
});
