import { describe, expect, it } from 'vitest';
import type { InvoiceToMatch, ReceiptToMatch } from './cash-types.ts';
import { matchPayment, type PaymentMatch } from './match-payment.ts';

const PAYER = 'client-acme';
const OTHER = 'client-globex';

let seq = 0;
function invoice(number: string, balanceDue: string, fields: Partial<InvoiceToMatch> = {}): InvoiceToMatch {
  seq++;
  return {
    id: `inv-${number}`,
    number,
    clientId: PAYER,
    status: 'POSTED',
    currency: 'USD',
    balanceDue,
    issuedAt: new Date(Date.UTC(2026, 0, 1 + seq)),
    dueDate: null,
    ...fields,
  };
}
const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const receipt = (amount: string, fields: Partial<ReceiptToMatch> = {}): ReceiptToMatch => ({ amount, currency: 'USD', payerClientId: PAYER, ...fields });

/** A compact, comparable view of a match. */
function view(match: PaymentMatch) {
  return {
    applied: match.applications.map((a) => `${a.invoiceNumber}:${a.method}:${a.amount.toFixed(2)}${a.deductionAmount.isZero() ? '' : `-${a.deductionAmount.toFixed(2)}(${a.deductionReasonCode},${a.deductionStatus})`}`),
    unapplied: match.unappliedAmount.toFixed(2),
    exceptions: match.exceptions.map((e) => `${e.code}:${e.amount.toFixed(2)}${e.invoiceId ? `@${e.invoiceId}` : ''}`),
    flags: match.flags.map((f) => f.kind),
  };
}

describe('rule 1: remittance lines naming invoices', () => {
  const open = [invoice('INV-1', '1000.00'), invoice('INV-2', '500.00'), invoice('INV-3', '250.00')];

  it.each([
    {
      name: 'pays the named invoices in full',
      receipt: receipt('1500.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '1000.00' }, { invoiceNumber: 'INV-2', amount: '500.00' }] }),
      expected: { applied: ['INV-1:REMITTANCE:1000.00', 'INV-2:REMITTANCE:500.00'], unapplied: '0.00', exceptions: [], flags: [] },
    },
    {
      name: 'matches numbers loosely (case, spaces)',
      receipt: receipt('250.00', { remittance: [{ invoiceNumber: ' inv-3 ', amount: '250.00' }] }),
      expected: { applied: ['INV-3:REMITTANCE:250.00'], unapplied: '0.00', exceptions: [], flags: [] },
    },
    {
      name: 'short pay with a reason code: cash applied, deduction waits for approval',
      receipt: receipt('950.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '950.00', deduction: '50.00', reasonCode: 'DAMAGED' }] }),
      expected: {
        applied: ['INV-1:REMITTANCE:950.00-50.00(DAMAGED,PENDING_APPROVAL)'],
        unapplied: '0.00',
        exceptions: ['SHORT_PAY_DEDUCTION:50.00@inv-INV-1'],
        flags: [],
      },
    },
    {
      name: 'shortfall with a deduction but no reason code: partial payment, balance stays open',
      receipt: receipt('950.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '950.00', deduction: '50.00' }] }),
      expected: { applied: ['INV-1:REMITTANCE:950.00'], unapplied: '0.00', exceptions: [], flags: ['DEDUCTION_WITHOUT_REASON'] },
    },
    {
      name: 'plain shortfall: partial payment',
      receipt: receipt('400.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '400.00' }] }),
      expected: { applied: ['INV-1:REMITTANCE:400.00'], unapplied: '0.00', exceptions: [], flags: [] },
    },
    {
      name: 'deduction that does not settle the invoice is still proposed, and flagged',
      receipt: receipt('900.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '900.00', deduction: '40.00', reasonCode: 'LATE' }] }),
      expected: {
        applied: ['INV-1:REMITTANCE:900.00-40.00(LATE,PENDING_APPROVAL)'],
        unapplied: '0.00',
        exceptions: ['SHORT_PAY_DEDUCTION:40.00@inv-INV-1'],
        flags: ['DEDUCTION_DOES_NOT_SETTLE'],
      },
    },
    {
      name: 'deduction larger than what is left is capped at the balance',
      receipt: receipt('900.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '900.00', deduction: '150.00', reasonCode: 'LATE' }] }),
      expected: {
        applied: ['INV-1:REMITTANCE:900.00-100.00(LATE,PENDING_APPROVAL)'],
        unapplied: '0.00',
        exceptions: ['SHORT_PAY_DEDUCTION:100.00@inv-INV-1'],
        flags: ['DEDUCTION_DOES_NOT_SETTLE'],
      },
    },
    {
      name: 'overpayment of a line: applied up to the balance, the rest on account',
      receipt: receipt('1200.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '1200.00' }] }),
      expected: { applied: ['INV-1:REMITTANCE:1000.00'], unapplied: '200.00', exceptions: ['UNAPPLIED_CASH:200.00'], flags: ['LINE_EXCEEDS_BALANCE'] },
    },
    {
      name: 'receipt larger than its remittance: the rest is an unapplied credit',
      receipt: receipt('600.00', { remittance: [{ invoiceNumber: 'INV-2', amount: '500.00' }] }),
      expected: { applied: ['INV-2:REMITTANCE:500.00'], unapplied: '100.00', exceptions: ['UNAPPLIED_CASH:100.00'], flags: [] },
    },
    {
      name: 'remittance adds up to more than the receipt: later lines get what is left',
      receipt: receipt('1200.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '1000.00' }, { invoiceNumber: 'INV-2', amount: '500.00' }, { invoiceNumber: 'INV-3', amount: '250.00' }] }),
      expected: { applied: ['INV-1:REMITTANCE:1000.00', 'INV-2:REMITTANCE:200.00'], unapplied: '0.00', exceptions: [], flags: ['REMITTANCE_EXCEEDS_RECEIPT', 'REMITTANCE_EXCEEDS_RECEIPT'] },
    },
    {
      name: 'two lines on one invoice: the second only gets what is still due',
      receipt: receipt('1100.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '700.00' }, { invoiceNumber: 'INV-1', amount: '400.00' }] }),
      expected: { applied: ['INV-1:REMITTANCE:700.00', 'INV-1:REMITTANCE:300.00'], unapplied: '100.00', exceptions: ['UNAPPLIED_CASH:100.00'], flags: ['LINE_EXCEEDS_BALANCE'] },
    },
    {
      name: 'an unknown number next to a known one: known applied, the rest unapplied (no guessing)',
      receipt: receipt('1500.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '1000.00' }, { invoiceNumber: 'PO-778', amount: '500.00' }] }),
      expected: { applied: ['INV-1:REMITTANCE:1000.00'], unapplied: '500.00', exceptions: ['UNAPPLIED_CASH:500.00'], flags: ['INVOICE_NOT_FOUND'] },
    },
  ])('$name', ({ receipt: r, expected }) => {
    expect(view(matchPayment({ receipt: r, payerOpenInvoices: open }))).toEqual(expected);
  });

  it('reports the balance left after each application (a pending deduction does not reduce it)', () => {
    const match = matchPayment({ receipt: receipt('950.00', { remittance: [{ invoiceNumber: 'INV-1', amount: '950.00', deduction: '50.00', reasonCode: 'DAMAGED' }] }), payerOpenInvoices: open });
    expect(match.applications[0]).toMatchObject({ remittanceLineIndex: 0, remittanceInvoiceRef: 'INV-1', currency: 'USD' });
    expect(match.applications[0]!.balanceDueAfter.toFixed(2)).toBe('50.00');
  });

  it('finds the invoice by its ERP number too', () => {
    const erp = invoice('US01-INV-000009', '300.00', { erpInvoiceNumber: 'NS-4411' });
    expect(view(matchPayment({ receipt: receipt('300.00', { remittance: [{ invoiceNumber: 'ns-4411', amount: '300.00' }] }), payerOpenInvoices: [erp] })).applied).toEqual([
      'US01-INV-000009:REMITTANCE:300.00',
    ]);
  });
});

describe('rule 1: invoices the remittance names but that cannot take the cash', () => {
  const paid = invoice('INV-PAID', '0.00', { status: 'PAID' });
  const voided = invoice('INV-VOID', '800.00', { status: 'VOID' });
  const euro = invoice('INV-EUR', '800.00', { currency: 'EUR' });
  const foreign = invoice('INV-GLX', '800.00', { clientId: OTHER });
  const draft = invoice('INV-DRAFT', '800.00', { status: 'DRAFT' });
  const exact = invoice('INV-EXACT', '800.00');

  it.each([
    { name: 'paid invoice: not applied, no fallback to the amount rules', ref: 'INV-PAID', expected: { applied: [], flags: ['INVOICE_NOT_OPEN'] } },
    { name: 'void invoice', ref: 'INV-VOID', expected: { applied: [], flags: ['INVOICE_NOT_OPEN'] } },
    { name: 'draft invoice', ref: 'INV-DRAFT', expected: { applied: [], flags: ['INVOICE_NOT_OPEN'] } },
    { name: 'currency mismatch: never auto-applied', ref: 'INV-EUR', expected: { applied: [], flags: ['CURRENCY_MISMATCH'] } },
    { name: "another client's open invoice: applied, flagged", ref: 'INV-GLX', expected: { applied: ['INV-GLX:REMITTANCE:800.00'], flags: ['PAYER_MISMATCH'] } },
  ])('$name', ({ ref, expected }) => {
    const match = matchPayment({ receipt: receipt('800.00', { remittance: [{ invoiceNumber: ref, amount: '800.00' }] }), payerOpenInvoices: [exact], remittanceInvoices: [paid, voided, euro, foreign, draft] });
    const v = view(match);
    expect({ applied: v.applied, flags: v.flags }).toEqual(expected);
    expect(v.unapplied).toBe(expected.applied.length ? '0.00' : '800.00');
  });

  it('an unknown payer naming an invoice: applied (the remittance identifies it), no mismatch flag', () => {
    const match = matchPayment({ receipt: receipt('800.00', { payerClientId: null, remittance: [{ invoiceNumber: 'INV-GLX', amount: '800.00' }] }), payerOpenInvoices: [], remittanceInvoices: [foreign] });
    expect(view(match)).toMatchObject({ applied: ['INV-GLX:REMITTANCE:800.00'], flags: [] });
  });

  it('the same number in two legal entities: the payer’s own wins; otherwise ambiguous', () => {
    const mine = invoice('0042', '100.00', { id: 'mine' });
    const theirs = invoice('0042', '100.00', { id: 'theirs', clientId: OTHER });
    const r = receipt('100.00', { remittance: [{ invoiceNumber: '0042', amount: '100.00' }] });
    expect(matchPayment({ receipt: r, payerOpenInvoices: [mine], remittanceInvoices: [theirs] }).applications[0]!.invoiceId).toBe('mine');
    const ambiguous = matchPayment({ receipt: { ...r, payerClientId: 'third' }, payerOpenInvoices: [], remittanceInvoices: [mine, theirs] });
    expect(view(ambiguous)).toMatchObject({ applied: [], flags: ['INVOICE_NUMBER_AMBIGUOUS', 'REMITTANCE_UNRESOLVED'] });
  });

  it('no line names a known invoice: the amount rules are tried on the whole receipt', () => {
    const match = matchPayment({ receipt: receipt('800.00', { remittance: [{ invoiceNumber: 'PO-1', amount: '800.00' }] }), payerOpenInvoices: [exact] });
    expect(view(match)).toEqual({ applied: ['INV-EXACT:EXACT_AMOUNT:800.00'], unapplied: '0.00', exceptions: [], flags: ['INVOICE_NOT_FOUND', 'REMITTANCE_UNRESOLVED'] });
  });
});

describe('rule 2: one open invoice with exactly the amount', () => {
  it.each([
    {
      name: 'the only exact one',
      invoices: [invoice('A', '100.00'), invoice('B', '250.00'), invoice('C', '999.99')],
      amount: '250.00',
      expected: ['B:EXACT_AMOUNT:250.00'],
    },
    {
      name: 'several exact: the oldest by issue date',
      invoices: [invoice('NEW', '250.00', { issuedAt: day(20) }), invoice('OLD', '250.00', { issuedAt: day(3) }), invoice('MID', '250.00', { issuedAt: day(10) })],
      amount: '250.00',
      expected: ['OLD:EXACT_AMOUNT:250.00'],
    },
    {
      name: 'same issue date: the earlier due date, then the number',
      invoices: [
        invoice('X-2', '250.00', { issuedAt: day(3), dueDate: day(30) }),
        invoice('X-3', '250.00', { issuedAt: day(3), dueDate: null }),
        invoice('X-1', '250.00', { issuedAt: day(3), dueDate: day(30) }),
      ],
      amount: '250.00',
      expected: ['X-1:EXACT_AMOUNT:250.00'],
    },
    {
      name: 'exact on the partially paid balance, not the total',
      invoices: [invoice('P', '80.00', { status: 'PARTIALLY_PAID' })],
      amount: '80',
      expected: ['P:EXACT_AMOUNT:80.00'],
    },
    {
      name: 'an exact single beats an exact pair',
      invoices: [invoice('A', '100.00'), invoice('B', '150.00'), invoice('C', '250.00')],
      amount: '250.00',
      expected: ['C:EXACT_AMOUNT:250.00'],
    },
    {
      name: 'an invoice in another currency with the same figure is not a match',
      invoices: [invoice('EUR', '250.00', { currency: 'EUR' })],
      amount: '250.00',
      expected: [],
    },
  ])('$name', ({ invoices, amount, expected }) => {
    const match = matchPayment({ receipt: receipt(amount), payerOpenInvoices: invoices });
    expect(view(match).applied).toEqual(expected);
    if (expected.length > 0) expect(match.applications[0]!.balanceDueAfter.isZero()).toBe(true);
  });
});

describe('rule 3: a small set summing exactly', () => {
  it.each([
    {
      name: 'a pair',
      invoices: [invoice('A', '100.00'), invoice('B', '175.50'), invoice('C', '74.50')],
      amount: '250.00',
      expected: ['B:SUBSET_SUM:175.50', 'C:SUBSET_SUM:74.50'],
    },
    {
      name: 'fewest invoices first: a pair beats an older triple',
      invoices: [invoice('A', '50.00'), invoice('B', '50.00'), invoice('C', '50.00'), invoice('D', '90.00'), invoice('E', '60.00')],
      amount: '150.00',
      expected: ['D:SUBSET_SUM:90.00', 'E:SUBSET_SUM:60.00'],
    },
    {
      name: 'equal size: the set with the oldest invoices wins',
      invoices: [invoice('OLD-1', '40.00'), invoice('OLD-2', '60.00'), invoice('NEW-1', '60.00'), invoice('NEW-2', '40.00')],
      amount: '100.00',
      expected: ['OLD-1:SUBSET_SUM:40.00', 'OLD-2:SUBSET_SUM:60.00'],
    },
    {
      name: 'five invoices is the most',
      invoices: ['10', '20', '30', '40', '50', '60'].map((b, i) => invoice(`S${i}`, b)),
      amount: '210',
      expected: [],
    },
    {
      name: 'exactly five',
      invoices: ['10', '20', '30', '40', '50', '60'].map((b, i) => invoice(`S${i}`, b)),
      amount: '200',
      expected: ['S1:SUBSET_SUM:20.00', 'S2:SUBSET_SUM:30.00', 'S3:SUBSET_SUM:40.00', 'S4:SUBSET_SUM:50.00', 'S5:SUBSET_SUM:60.00'],
    },
    {
      name: 'exact to the cent (no float drift: 0.10 + 0.20 = 0.30)',
      invoices: [invoice('A', '0.10'), invoice('B', '0.20')],
      amount: '0.30',
      expected: ['A:SUBSET_SUM:0.10', 'B:SUBSET_SUM:0.20'],
    },
    {
      name: 'invoices in another currency are left out of the set',
      invoices: [invoice('A', '100.00'), invoice('B', '150.00', { currency: 'GBP' }), invoice('C', '150.00')],
      amount: '250.00',
      expected: ['A:SUBSET_SUM:100.00', 'C:SUBSET_SUM:150.00'],
    },
    {
      name: 'closed invoices are left out',
      invoices: [invoice('A', '100.00'), invoice('B', '150.00', { status: 'VOID' }), invoice('C', '150.00', { status: 'DRAFT' })],
      amount: '250.00',
      expected: [],
    },
  ])('$name', ({ invoices, amount, expected }) => {
    expect(view(matchPayment({ receipt: receipt(amount), payerOpenInvoices: invoices })).applied).toEqual(expected);
  });
});

describe('rule 4: otherwise unapplied', () => {
  it.each([
    { name: 'nothing sums to it', invoices: [invoice('A', '100.00'), invoice('B', '200.00')], r: receipt('250.00') },
    { name: 'the payer has no open invoice', invoices: [], r: receipt('250.00') },
    { name: 'unknown payer and no remittance', invoices: [invoice('A', '250.00')], r: receipt('250.00', { payerClientId: null }) },
    { name: 'only invoices in another currency', invoices: [invoice('A', '250.00', { currency: 'EUR' })], r: receipt('250.00') },
    { name: 'an overpayment of every invoice is not applied by amount', invoices: [invoice('A', '200.00')], r: receipt('250.00') },
  ])('$name', ({ invoices, r }) => {
    expect(view(matchPayment({ receipt: r, payerOpenInvoices: invoices }))).toEqual({ applied: [], unapplied: '250.00', exceptions: ['UNAPPLIED_CASH:250.00'], flags: [] });
  });

  it('refuses a receipt that is not a positive amount', () => {
    expect(() => matchPayment({ receipt: receipt('0'), payerOpenInvoices: [] })).toThrow(RangeError);
    expect(() => matchPayment({ receipt: receipt('5', { remittance: [{ invoiceNumber: 'A', amount: '-1' }] }), payerOpenInvoices: [] })).toThrow(RangeError);
  });
});

describe('the worst case the search is bounded for', () => {
  it('30 open invoices and no exact set: unapplied', () => {
    // Whole amounts and a target with cents: no set can hit it, every branch is tried.
    const invoices = Array.from({ length: 30 }, (_, i) => invoice(`W${String(i).padStart(2, '0')}`, String(1000 + i), { issuedAt: day(i + 1) }));
    const match = matchPayment({ receipt: receipt('999999.99'), payerOpenInvoices: invoices });
    expect(view(match).unapplied).toBe('999999.99');
  });

  it('a set made only of invoices newer than the 20 oldest candidates is not found', () => {
    const old = Array.from({ length: 20 }, (_, i) => invoice(`O${i}`, '1.00', { issuedAt: day(i + 1) }));
    const newer = [invoice('N1', '3.00', { issuedAt: day(25) }), invoice('N2', '4.00', { issuedAt: day(26) })];
    expect(view(matchPayment({ receipt: receipt('7.00'), payerOpenInvoices: [...old, ...newer] })).applied).toEqual([]);
  });
});
