import { describe, expect, it } from 'vitest';
import { billTimeAndMaterials, type ExpenseInput, type TimeTransactionInput } from './bill-time-and-materials.ts';
import type { FxLookup } from './convert-currency.ts';

let seq = 0;
const tt = (over: Partial<TimeTransactionInput>): TimeTransactionInput => ({
  id: `t${++seq}`,
  workDate: '2026-03-30',
  hours: '8',
  role: 'SENIOR_CONSULTANT',
  sku: 'ADV-SENIOR',
  billable: true,
  approvalStatus: 'APPROVED',
  rateApplied: '200',
  currency: 'USD',
  superseded: false,
  invoiceLineId: null,
  reversalInvoiceLineId: null,
  ...over,
});
const exp = (over: Partial<ExpenseInput>): ExpenseInput => ({
  id: `e${++seq}`,
  expenseDate: '2026-04-01',
  amount: '412.80',
  currency: 'USD',
  billable: true,
  approvalStatus: 'APPROVED',
  category: 'EXP-TRAVEL',
  invoiceLineId: null,
  ...over,
});
const fx: FxLookup = ({ from, to }) => (from === 'EUR' && to === 'USD' ? '1.0825' : null);
const bill = (timeTransactions: TimeTransactionInput[], options: { asOf?: string; currency?: string; expenses?: ExpenseInput[] } = {}) =>
  billTimeAndMaterials({ engagementId: 'eng-1', currency: options.currency ?? 'USD', asOf: options.asOf ?? '2026-04-06', timeTransactions, expenses: options.expenses ?? [], fx });

describe('billTimeAndMaterials: one invoice per ended ISO week, lines per (role, rate)', () => {
  it('bills the ended week from approved billable unbilled time only', () => {
    const billed = [tt({ id: 'a', hours: '7.5', rateApplied: '133.333333' }), tt({ id: 'b', workDate: '2026-04-05', hours: '2', rateApplied: '133.333333' })];
    const ignored = [
      tt({ id: 'nb', billable: false }),
      tt({ id: 'sub', approvalStatus: 'SUBMITTED' }),
      tt({ id: 'done', invoiceLineId: 'line-0' }),
      tt({ id: 'next-week', workDate: '2026-04-06' }), // W15 has not ended on 2026-04-06
      tt({ id: 'superseded-unbilled', superseded: true }),
    ];
    const { invoices, held } = bill([...billed, ...ignored]);
    expect(held).toEqual([]);
    expect(invoices).toHaveLength(1);
    const [invoice] = invoices;
    expect(invoice).toMatchObject({ billingPeriodKey: '2026-W14', servicePeriodStart: '2026-03-30', servicePeriodEnd: '2026-04-05', eligibleOn: '2026-04-05', currency: 'USD' });
    expect(invoice?.lines).toHaveLength(1);
    expect(invoice?.lines[0]).toMatchObject({ kind: 'TIME', role: 'SENIOR_CONSULTANT', sku: 'ADV-SENIOR', quantity: '9.5', unitPrice: '133.333333', amount: '1266.67' });
    expect(invoice?.lines[0]?.sources).toEqual([
      expect.objectContaining({ kind: 'TIME_TRANSACTION', billingKey: 'TIME_TRANSACTION:a', sourceId: 'a', quantity: '7.5', rate: '133.333333', amount: '999.9999975' }),
      expect.objectContaining({ kind: 'TIME_TRANSACTION', billingKey: 'TIME_TRANSACTION:b', sourceId: 'b', quantity: '2', amount: '266.666666' }),
    ]);
  });

  it('a week is billable from its Sunday on', () => {
    expect(bill([tt({})], { asOf: '2026-04-04' }).invoices).toEqual([]);
    expect(bill([tt({})], { asOf: '2026-04-05' }).invoices).toHaveLength(1);
  });

  it('splits lines by role and by rate (a rate change mid-week makes two lines)', () => {
    const { invoices } = bill([
      tt({ role: 'PARTNER', rateApplied: '400', hours: '1' }),
      tt({ role: 'ANALYST', rateApplied: '120', hours: '4' }),
      tt({ role: 'ANALYST', rateApplied: '125', hours: '4', workDate: '2026-04-01' }),
      tt({ role: 'ANALYST', rateApplied: '120.000', hours: '2' }),
    ]);
    expect(invoices[0]?.lines.map((l) => [l.role, l.unitPrice, l.quantity, l.amount])).toEqual([
      ['ANALYST', '120', '6', '720.00'],
      ['ANALYST', '125', '4', '500.00'],
      ['PARTNER', '400', '1', '400.00'],
    ]);
  });

  it('makes one invoice per week, oldest first', () => {
    const { invoices } = bill([tt({ workDate: '2026-04-08' }), tt({ workDate: '2026-03-24' }), tt({ workDate: '2026-03-31' })], { asOf: '2026-04-30' });
    expect(invoices.map((i) => i.billingPeriodKey)).toEqual(['2026-W13', '2026-W14', '2026-W15']);
  });
});

describe('rounding happens once per line, half-up at the minor unit', () => {
  it.each([
    { name: '7.5 h × 133.333333 = 999.9999975', currency: 'USD', entries: [['7.5', '133.333333']], amount: '1000.00' },
    { name: '3 entries of 1 h × 33.333333 (a third of 100): 99.999999, not 3 × 33.33', currency: 'USD', entries: [['1', '33.333333'], ['1', '33.333333'], ['1', '33.333333']], amount: '100.00' },
    { name: 'half a cent rounds up: 0.5 h × 100.01 = 50.005', currency: 'USD', entries: [['0.5', '100.01']], amount: '50.01' },
    { name: 'just under half a cent: 0.25 h × 100.0199 = 25.004975', currency: 'EUR', entries: [['0.25', '100.0199']], amount: '25.00' },
    { name: 'JPY has no decimals: 0.5 h × 1001 = 500.5', currency: 'JPY', entries: [['0.5', '1001']], amount: '501' },
    { name: 'JPY: 7.5 h × 12345.5 = 92591.25', currency: 'JPY', entries: [['7.5', '12345.5']], amount: '92591' },
    { name: 'INR: 2.25 h × 4166.666667 = 9375.00000075', currency: 'INR', entries: [['2.25', '4166.666667']], amount: '9375.00' },
    { name: 'INR: 0.75 h × 8333.34 = 6250.005', currency: 'INR', entries: [['0.75', '8333.34']], amount: '6250.01' },
  ])('$name → $amount $currency', ({ currency, entries, amount }) => {
    const { invoices } = bill(
      entries.map(([hours, rate]) => tt({ hours, rateApplied: rate, currency })),
      { currency },
    );
    expect(invoices[0]?.lines.map((l) => l.amount)).toEqual([amount]);
    expect(invoices[0]?.currency).toBe(currency);
  });
});

describe('ISO weeks across the year end', () => {
  const yearEnd = [tt({ id: 'dec31', workDate: '2026-12-31' }), tt({ id: 'jan1', workDate: '2027-01-01' }), tt({ id: 'jan4', workDate: '2027-01-04' })];

  it('2026-12-31 and 2027-01-01 are billed together as 2026-W53, once the week ends on 2027-01-03', () => {
    expect(bill(yearEnd, { asOf: '2027-01-02' }).invoices).toEqual([]);
    const { invoices } = bill(yearEnd, { asOf: '2027-01-03' });
    expect(invoices.map((i) => [i.billingPeriodKey, i.servicePeriodStart, i.servicePeriodEnd])).toEqual([['2026-W53', '2026-12-28', '2027-01-03']]);
    expect(invoices[0]?.lines[0]?.sources.map((s) => s.sourceId)).toEqual(['dec31', 'jan1']);
  });

  it('2027-01-04 starts 2027-W01', () => {
    expect(bill(yearEnd, { asOf: '2027-01-10' }).invoices.map((i) => i.billingPeriodKey)).toEqual(['2026-W53', '2027-W01']);
  });
});

describe('superseded time that was invoiced is reversed on the next invoice', () => {
  it('the resubmitted week carries the new time and a negative adjustment referencing the old entry', () => {
    const { invoices } = bill([
      tt({ id: 'old', hours: '8', rateApplied: '200', superseded: true, invoiceLineId: 'line-1' }),
      tt({ id: 'new', hours: '6.5', rateApplied: '200' }),
    ]);
    expect(invoices).toHaveLength(1);
    const lines = invoices[0]?.lines ?? [];
    expect(lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
      ['TIME', '6.5', '1300.00'],
      ['ADJUSTMENT', '-8', '-1600.00'],
    ]);
    expect(lines[1]?.sources).toEqual([
      expect.objectContaining({ kind: 'TIME_REVERSAL', billingKey: 'TIME_REVERSAL:old', sourceId: 'old', quantity: '-8', rate: '200', amount: '-1600' }),
    ]);
  });

  it('a negative half cent rounds away from zero, mirroring the original line', () => {
    const { invoices } = bill([tt({ id: 'old', hours: '0.5', rateApplied: '100.01', superseded: true, invoiceLineId: 'line-1' })]);
    expect(invoices[0]?.lines.map((l) => [l.kind, l.amount])).toEqual([['ADJUSTMENT', '-50.01']]);
  });

  it('is not reversed twice, and superseded time never invoiced needs no reversal', () => {
    const { invoices } = bill([
      tt({ id: 'reversed', superseded: true, invoiceLineId: 'line-1', reversalInvoiceLineId: 'line-9' }),
      tt({ id: 'never-billed', superseded: true }),
    ]);
    expect(invoices).toEqual([]);
  });
});

describe('expenses', () => {
  it('each billable approved expense of an ended week is its own line, converted at the expense date', () => {
    const { invoices, held } = bill([tt({ id: 'a' })], {
      expenses: [
        exp({ id: 'usd', amount: '412.80', description: 'Flight' }),
        exp({ id: 'eur', amount: '100.05', currency: 'EUR', expenseDate: '2026-03-31' }),
        exp({ id: 'not-billable', billable: false }),
        exp({ id: 'billed', invoiceLineId: 'line-3' }),
        exp({ id: 'later', expenseDate: '2026-04-07' }),
      ],
    });
    expect(held).toEqual([]);
    const lines = invoices[0]?.lines ?? [];
    expect(lines.map((l) => [l.kind, l.sku, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['TIME', 'ADV-SENIOR', '8', '200', '1600.00'],
      ['EXPENSE', 'EXP-TRAVEL', '1', '108.3', '108.30'], // 100.05 × 1.0825 = 108.304125
      ['EXPENSE', 'EXP-TRAVEL', '1', '412.8', '412.80'],
    ]);
    expect(lines[1]?.sources[0]).toMatchObject({ billingKey: 'EXPENSE:eur', amount: '108.304125', sourceAmount: '100.05', sourceCurrency: 'EUR', fxRate: '1.0825' });
    expect(lines[2]?.sources[0]).toMatchObject({ billingKey: 'EXPENSE:usd', amount: '412.8', sourceAmount: null, sourceCurrency: null, fxRate: null });
  });

  it('an expense in a week without time makes its own invoice', () => {
    const { invoices } = bill([], { expenses: [exp({ id: 'x' })] });
    expect(invoices.map((i) => [i.billingPeriodKey, i.lines.length])).toEqual([['2026-W14', 1]]);
  });
});

describe('what cannot be billed is held, with the reason', () => {
  it('time without a rate, time in another currency, an expense without an FX rate', () => {
    const { invoices, held } = bill([tt({ id: 'ok' }), tt({ id: 'no-rate', rateApplied: null }), tt({ id: 'gbp', currency: 'GBP' })], {
      expenses: [exp({ id: 'inr', currency: 'INR' })],
    });
    expect(invoices[0]?.lines.flatMap((l) => l.sources.map((s) => s.sourceId))).toEqual(['ok']);
    expect(held.map((h) => [h.sourceKind, h.sourceId, h.code])).toEqual([
      ['TIME_TRANSACTION', 'no-rate', 'RATE_CARD_MISSING'],
      ['TIME_TRANSACTION', 'gbp', 'CURRENCY_MISMATCH'],
      ['EXPENSE', 'inr', 'FX_RATE_MISSING'],
    ]);
  });
});
