import { describe, expect, it } from 'vitest';
import { sum } from '../money/decimal.ts';
import { assembleInvoice, type InvoiceTaxInput } from './assemble-invoice.ts';
import { draftLine, draftSource, type DraftInvoiceLine, type InvoiceDraft } from './invoice-draft.ts';

const line = (key: string, amount: string, currency = 'USD', kind: DraftInvoiceLine['kind'] = 'TIME'): DraftInvoiceLine =>
  draftLine({
    kind,
    description: key,
    quantity: 1,
    unitPrice: amount,
    currency,
    sources: [draftSource({ kind: 'TIME_TRANSACTION', billingKey: `TIME_TRANSACTION:${key}`, sourceId: key, amount, currency })],
  });
const draft = (lines: DraftInvoiceLine[], currency = 'USD'): InvoiceDraft => ({
  engagementId: 'eng-1',
  currency,
  billingPeriodKey: '2026-W14',
  servicePeriodStart: '2026-03-30',
  servicePeriodEnd: '2026-04-05',
  eligibleOn: '2026-04-05',
  lines,
});
const rate = (r: string, n: number): InvoiceTaxInput => ({ exempt: false, lines: Array.from({ length: n }, () => ({ rate: r, taxCode: 'GB-VAT-STD' })) });
const assemble = (d: InvoiceDraft, tax: InvoiceTaxInput, more: { issueDate?: string; paymentTermsDays?: number; alreadyBilledKeys?: string[] } = {}) =>
  assembleInvoice({ draft: d, tax, issueDate: more.issueDate ?? '2026-04-06', paymentTermsDays: more.paymentTermsDays ?? 30, alreadyBilledKeys: more.alreadyBilledKeys ?? [] });

describe('assembleInvoice: totals and tax per line', () => {
  it.each([
    {
      name: '20 % VAT, each line rounded half-up',
      currency: 'USD',
      amounts: ['999.9999975', '100', '50.005'],
      taxRate: '0.2',
      lines: [['1000.00', '200.00'], ['100.00', '20.00'], ['50.01', '10.00']], // 50.01 × 0.2 = 10.002
      totals: { subtotal: '1150.01', taxTotal: '230.00', total: '1380.01' },
    },
    {
      // Per-line rounding: 3 × round(0.005) = 0.03, where rate × subtotal would give round(0.015) = 0.02.
      name: 'three small lines: the tax total is the sum of the rounded line taxes',
      currency: 'USD',
      amounts: ['0.05', '0.05', '0.05'],
      taxRate: '0.1',
      lines: [['0.05', '0.01'], ['0.05', '0.01'], ['0.05', '0.01']],
      totals: { subtotal: '0.15', taxTotal: '0.03', total: '0.18' },
    },
    {
      name: 'a negative adjustment line takes negative tax, rounded away from zero',
      currency: 'USD',
      amounts: ['1300', '-1600', '-0.05'],
      taxRate: '0.1',
      lines: [['1300.00', '130.00'], ['-1600.00', '-160.00'], ['-0.05', '-0.01']],
      totals: { subtotal: '-300.05', taxTotal: '-30.01', total: '-330.06' },
    },
    {
      name: 'JPY: no decimals anywhere',
      currency: 'JPY',
      amounts: ['500.5', '92591.25'],
      taxRate: '0.1',
      lines: [['501', '50'], ['92591', '9259']], // 50.1 → 50; 9259.1 → 9259
      totals: { subtotal: '93092', taxTotal: '9309', total: '102401' },
    },
    {
      name: 'INR at 18 % GST',
      currency: 'INR',
      amounts: ['9375.00000075', '6250.005'],
      taxRate: '0.18',
      lines: [['9375.00', '1687.50'], ['6250.01', '1125.00']], // 1125.0018 → 1125.00
      totals: { subtotal: '15625.01', taxTotal: '2812.50', total: '18437.51' },
    },
  ])('$name', ({ currency, amounts, taxRate, lines, totals }) => {
    const result = assemble(
      draft(
        amounts.map((a, i) => line(`k${i}`, a, currency)),
        currency,
      ),
      rate(taxRate, amounts.length),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.invoice.lines.map((l) => [l.amount, l.taxAmount])).toEqual(lines);
    expect(result.invoice).toMatchObject(totals);
    expect(result.invoice.lines.map((l) => l.lineNo)).toEqual(amounts.map((_, i) => i + 1));
    expect(result.invoice.lines.every((l) => l.taxRate === taxRate && l.taxCode === 'GB-VAT-STD')).toBe(true);
  });

  it('Σ line amounts = subtotal, and total = subtotal + tax', () => {
    const result = assemble(draft(['0.333333', '0.333333', '0.333334', '12.345'].map((a, i) => line(`k${i}`, a))), rate('0.19', 4));
    if (!result.ok) throw new Error('not ok');
    expect(sum(result.invoice.lines.map((l) => l.amount)).toFixed(2)).toBe(result.invoice.subtotal);
    expect(sum(result.invoice.lines.map((l) => l.taxAmount)).toFixed(2)).toBe(result.invoice.taxTotal);
    expect(sum([result.invoice.subtotal, result.invoice.taxTotal]).toFixed(2)).toBe(result.invoice.total);
  });

  it('an exempt invoice has no tax', () => {
    const result = assemble(draft([line('a', '1000'), line('b', '250.50')]), { exempt: true });
    expect(result).toMatchObject({ ok: true, invoice: { subtotal: '1250.50', taxTotal: '0.00', total: '1250.50', taxExempt: true } });
    if (result.ok) expect(result.invoice.lines.map((l) => [l.taxRate, l.taxAmount])).toEqual([[null, '0.00'], [null, '0.00']]);
  });

  it("takes the tax engine's amount when it sends one", () => {
    const result = assemble(draft([line('a', '61.72')]), { exempt: false, lines: [{ amount: '12.345', rate: '0.2' }] });
    expect(result).toMatchObject({ ok: true, invoice: { taxTotal: '12.35', lines: [{ taxAmount: '12.35', taxRate: '0.2' }] } });
  });

  it.each([
    ['2026-04-06', 30, '2026-05-06'],
    ['2026-12-15', 30, '2027-01-14'],
    ['2028-02-01', 28, '2028-02-29'],
    ['2026-06-30', 0, '2026-06-30'],
  ])('issued %s on %i days → due %s', (issueDate, paymentTermsDays, dueDate) => {
    expect(assemble(draft([line('a', '1')]), { exempt: true }, { issueDate, paymentTermsDays })).toMatchObject({ ok: true, invoice: { issueDate, dueDate, paymentTermsDays } });
  });
});

describe('assembleInvoice refuses broken drafts, with every reason', () => {
  it('refuses a key billed elsewhere, a key twice, a line without source, a wrong amount', () => {
    const twice = line('dup', '10');
    const wrong = { ...line('w', '10.004'), amount: '10.01' };
    const sourceless = { ...line('s', '5'), sources: [] };
    const result = assemble(draft([line('billed', '1'), twice, { ...twice, description: 'again' }, wrong, sourceless]), rate('0.2', 5), {
      alreadyBilledKeys: ['TIME_TRANSACTION:billed'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.code, e.lineIndex, e.billingKey])).toEqual([
        ['ALREADY_BILLED', 0, 'TIME_TRANSACTION:billed'],
        ['DUPLICATE_BILLING_KEY', 2, 'TIME_TRANSACTION:dup'],
        ['LINE_AMOUNT_MISMATCH', 3, undefined],
        ['LINE_WITHOUT_SOURCE', 4, undefined],
      ]);
    }
  });

  it.each<[string, InvoiceDraft, InvoiceTaxInput, number, string]>([
    ['no lines', draft([]), { exempt: true }, 30, 'NO_LINES'],
    ['tax for fewer lines than the invoice has', draft([line('a', '1'), line('b', '1')]), rate('0.2', 1), 30, 'TAX_LINES_MISMATCH'],
    ['a line without tax', draft([line('a', '1')]), { exempt: false, lines: [{ taxCode: 'X' }] }, 30, 'TAX_MISSING'],
    ['a line in another currency', draft([line('a', '1', 'EUR')]), { exempt: true }, 30, 'CURRENCY_MISMATCH'],
    ['an amount with more decimals than the currency has', draft([{ ...line('a', '1'), amount: '1.001' }]), { exempt: true }, 30, 'LINE_AMOUNT_MISMATCH'],
    ['negative payment terms', draft([line('a', '1')]), { exempt: true }, -1, 'INVALID_PAYMENT_TERMS'],
  ])('%s', (_name, d, tax, paymentTermsDays, code) => {
    const result = assemble(d, tax, { paymentTermsDays });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toContain(code);
  });
});
