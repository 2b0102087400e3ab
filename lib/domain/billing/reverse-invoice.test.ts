import { describe, expect, it } from 'vitest';
import { assembleInvoice, type AssembledInvoice } from './assemble-invoice.ts';
import { billTimeAndMaterials, type TimeTransactionInput } from './bill-time-and-materials.ts';
import { creditInvoice, voidInvoice, type IssuedInvoiceInput, type IssuedInvoiceLineInput } from './reverse-invoice.ts';

// What the workflow would load back after issuing an assembled invoice.
const issued = (invoice: AssembledInvoice, over: Partial<IssuedInvoiceInput> = {}): IssuedInvoiceInput => ({
  id: 'inv-1',
  kind: 'INVOICE',
  status: 'ISSUED',
  currency: invoice.currency,
  amountApplied: '0',
  amountCredited: '0',
  lines: invoice.lines.map((l) => ({
    id: `line-${l.lineNo}`,
    lineNo: l.lineNo,
    kind: l.kind,
    description: l.description,
    sku: l.sku,
    role: l.role,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    amount: l.amount,
    taxRate: l.taxRate,
    taxAmount: l.taxAmount,
    sources: l.sources.map((s, i) => ({ invoiceLineSourceId: `src-${l.lineNo}-${i}`, kind: s.kind, sourceId: s.sourceId, billingKey: s.billingKey })),
  })),
  ...over,
});

const time = (id: string, hours: string, role = 'SENIOR_CONSULTANT', rate = '200'): TimeTransactionInput => ({
  id,
  workDate: '2026-03-31',
  hours,
  role,
  billable: true,
  approvalStatus: 'APPROVED',
  rateApplied: rate,
  currency: 'GBP',
  superseded: false,
  invoiceLineId: null,
  reversalInvoiceLineId: null,
});

const runAndIssue = (timeTransactions: TimeTransactionInput[], alreadyBilledKeys: string[] = []) => {
  const [draft] = billTimeAndMaterials({ engagementId: 'eng', currency: 'GBP', asOf: '2026-04-06', timeTransactions, expenses: [], fx: () => null }).invoices;
  if (!draft) throw new Error('nothing billed');
  const tax = { exempt: false as const, lines: draft.lines.map(() => ({ rate: '0.2', taxCode: 'GB-VAT-STD' })) };
  return assembleInvoice({ draft, issueDate: '2026-04-06', paymentTermsDays: 30, tax, alreadyBilledKeys });
};

describe('void, then re-bill the same sources', () => {
  const entries = [time('t1', '7.5', 'SENIOR_CONSULTANT', '133.333333'), time('t2', '8', 'ANALYST', '120')];

  it('releases every billing key; the next run bills the same sources under the same keys', () => {
    const first = runAndIssue(entries);
    if (!first.ok) throw new Error('first run failed');
    const keys = first.invoice.lines.flatMap((l) => l.sources.map((s) => s.billingKey));
    expect(keys).toEqual(['TIME_TRANSACTION:t2', 'TIME_TRANSACTION:t1']);

    // Billed and not voided: the same time cannot go on another invoice.
    const again = runAndIssue(entries, keys);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors.map((e) => [e.code, e.billingKey])).toEqual(keys.map((k) => ['ALREADY_BILLED', k]));

    const voided = voidInvoice({ invoice: issued(first.invoice) });
    expect(voided).toMatchObject({ ok: true });
    if (!voided.ok) return;
    expect(voided.released.map((r) => r.billingKey)).toEqual(keys);
    expect(voided.released.map((r) => [r.kind, r.sourceId])).toEqual([['TIME_TRANSACTION', 't2'], ['TIME_TRANSACTION', 't1']]);

    // The workflow clears the keys and the transactions' invoiceLineId; the next run re-bills them identically.
    const released = new Set(voided.released.map((r) => r.billingKey));
    const rebilled = runAndIssue(entries, keys.filter((k) => !released.has(k)));
    expect(rebilled.ok).toBe(true);
    if (rebilled.ok) {
      expect(rebilled.invoice.lines.flatMap((l) => l.sources.map((s) => s.billingKey))).toEqual(keys);
      expect(rebilled.invoice.total).toBe(first.invoice.total);
    }
  });
});

describe('voidInvoice', () => {
  const base = runAndIssue([time('t1', '8')]);
  if (!base.ok) throw new Error('setup');
  it.each([
    { name: 'an issued invoice without cash', over: {}, expected: { ok: true } },
    { name: 'a draft', over: { status: 'DRAFT' as const }, expected: { ok: true } },
    { name: 'cash applied', over: { status: 'PARTIALLY_PAID' as const, amountApplied: '100' }, expected: { ok: false, code: 'HAS_APPLIED_CASH' } },
    { name: 'paid', over: { status: 'PAID' as const, amountApplied: '1920' }, expected: { ok: false, code: 'HAS_APPLIED_CASH' } },
    { name: 'credited in part', over: { amountCredited: '-50' }, expected: { ok: false, code: 'HAS_CREDIT_NOTES' } },
    { name: 'already void', over: { status: 'VOID' as const }, expected: { ok: false, code: 'ALREADY_VOID' } },
    { name: 'a credit note', over: { kind: 'CREDIT_NOTE' as const }, expected: { ok: false, code: 'NOT_AN_INVOICE' } },
  ])('$name', ({ over, expected }) => {
    expect(voidInvoice({ invoice: issued(base.invoice, over) })).toMatchObject(expected);
  });
});

describe('creditInvoice', () => {
  const assembled = runAndIssue([time('t1', '7.5', 'SENIOR_CONSULTANT', '133.333333'), time('t2', '0.5', 'ANALYST', '100.01')]);
  if (!assembled.ok) throw new Error('setup');
  // line-1: ANALYST 0.5 h = 50.01 (tax 10.00); line-2: SENIOR 7.5 h = 1000.00 (tax 200.00)
  const paid = issued(assembled.invoice, { status: 'PAID', amountApplied: '1260.01' });

  it('credits a paid invoice in full: negative lines and tax, sources released', () => {
    const result = creditInvoice({ invoice: paid, reason: 'BILLING_ERROR' });
    expect(result).toMatchObject({ ok: true, fullyCredited: true, creditNote: { originalInvoiceId: 'inv-1', subtotal: '-1050.01', taxTotal: '-210.00', total: '-1260.01' } });
    if (!result.ok) return;
    expect(result.creditNote.lines.map((l) => [l.creditedLineId, l.kind, l.quantity, l.unitPrice, l.amount, l.taxAmount])).toEqual([
      ['line-1', 'CREDIT', '-0.5', '100.01', '-50.01', '-10.00'],
      ['line-2', 'CREDIT', '-7.5', '133.333333', '-1000.00', '-200.00'],
    ]);
    expect(result.released.map((r) => r.billingKey)).toEqual(['TIME_TRANSACTION:t2', 'TIME_TRANSACTION:t1']);
  });

  it('credits one line in full: only its sources are released', () => {
    const result = creditInvoice({ invoice: paid, reason: 'TIME_ADJUSTMENT', lines: [{ invoiceLineId: 'line-2' }] });
    expect(result).toMatchObject({ ok: true, fullyCredited: false, creditNote: { total: '-1200.00' } });
    if (result.ok) expect(result.released.map((r) => r.billingKey)).toEqual(['TIME_TRANSACTION:t1']);
  });

  it('credits part of a line: tax at the line rate, nothing released', () => {
    const result = creditInvoice({ invoice: paid, reason: 'BILLING_ERROR', lines: [{ invoiceLineId: 'line-2', amount: '0.05' }] });
    expect(result).toMatchObject({ ok: true, fullyCredited: false, released: [] });
    if (result.ok) expect(result.creditNote.lines.map((l) => [l.quantity, l.unitPrice, l.amount, l.taxAmount])).toEqual([['-1', '0.05', '-0.05', '-0.01']]);
  });

  it('credits the rest of a partly credited line exactly, tax included, and then releases it', () => {
    const partly = {
      ...paid,
      amountCredited: '-100',
      lines: paid.lines.map((l): IssuedInvoiceLineInput => (l.id === 'line-2' ? { ...l, creditedAmount: '-100', creditedTaxAmount: '-20' } : l)),
    };
    const result = creditInvoice({ invoice: partly, reason: 'BILLING_ERROR', lines: [{ invoiceLineId: 'line-2' }] });
    expect(result).toMatchObject({ ok: true, creditNote: { lines: [{ quantity: '-1', unitPrice: '900', amount: '-900.00', taxAmount: '-180.00' }] } });
    if (result.ok) expect(result.released.map((r) => r.sourceId)).toEqual(['t1']);
  });

  it.each(['DEDUCTION', 'DISPUTE', 'WRITE_OFF'] as const)('a %s credit settles the balance but does not make the work billable again', (reason) => {
    const result = creditInvoice({ invoice: paid, reason });
    expect(result).toMatchObject({ ok: true, fullyCredited: true, released: [] });
  });

  it('credits a negative adjustment line with a positive credit line', () => {
    const adjusted = runAndIssue([{ ...time('old', '8'), superseded: true, invoiceLineId: 'x' }, time('new', '10')]);
    if (!adjusted.ok) throw new Error('setup');
    const result = creditInvoice({ invoice: issued(adjusted.invoice), reason: 'CANCELLATION' });
    expect(result).toMatchObject({ ok: true, creditNote: { subtotal: '-400.00', taxTotal: '-80.00' } });
    if (!result.ok) return;
    expect(result.creditNote.lines.map((l) => [l.quantity, l.amount, l.taxAmount])).toEqual([
      ['-10', '-2000.00', '-400.00'],
      ['8', '1600.00', '320.00'],
    ]);
    expect(result.released.map((r) => r.billingKey)).toEqual(['TIME_TRANSACTION:new', 'TIME_REVERSAL:old']);
  });

  it.each([
    { name: 'more than is left', lines: [{ invoiceLineId: 'line-1', amount: '50.02' }], code: 'EXCEEDS_CREDITABLE' },
    { name: 'a zero amount', lines: [{ invoiceLineId: 'line-1', amount: '0' }], code: 'INVALID_AMOUNT' },
    { name: 'sub-cent amount', lines: [{ invoiceLineId: 'line-1', amount: '0.001' }], code: 'INVALID_AMOUNT' },
    { name: 'an unknown line', lines: [{ invoiceLineId: 'nope' }], code: 'UNKNOWN_LINE' },
    { name: 'a line twice', lines: [{ invoiceLineId: 'line-1' }, { invoiceLineId: 'line-1' }], code: 'LINE_TWICE' },
  ])('refuses $name', ({ lines, code }) => {
    const result = creditInvoice({ invoice: paid, reason: 'BILLING_ERROR', lines });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual([code]);
  });

  it.each([
    { name: 'a void invoice', over: { status: 'VOID' as const }, code: 'INVOICE_VOID' },
    { name: 'a draft', over: { status: 'DRAFT' as const }, code: 'NOT_ISSUED' },
    { name: 'a credit note', over: { kind: 'CREDIT_NOTE' as const }, code: 'NOT_AN_INVOICE' },
  ])('refuses $name', ({ over, code }) => {
    expect(creditInvoice({ invoice: { ...paid, ...over }, reason: 'BILLING_ERROR' })).toMatchObject({ ok: false, errors: [{ code }] });
  });

  it('refuses when everything is already credited', () => {
    const done = { ...paid, lines: paid.lines.map((l) => ({ ...l, creditedAmount: `-${String(l.amount)}` })) };
    expect(creditInvoice({ invoice: done, reason: 'BILLING_ERROR' })).toMatchObject({ ok: false, errors: [{ code: 'NOTHING_TO_CREDIT' }] });
  });
});
