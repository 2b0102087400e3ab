import { describe, expect, it } from 'vitest';
import type { Decimal } from '../money/decimal.ts';
import { cashApplicationAccuracy, unappliedCash, type AccuracyApplicationRow, type AccuracyReceiptRow } from './cash-application-accuracy.ts';
import { formatPercent } from './kpi-value.ts';

const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const inMarch = new Date('2026-03-10T00:00:00Z');
const reversed = new Date('2026-05-01T00:00:00Z'); // after the period: still counts against
const receipt = (id: string, receivedAt = inMarch): AccuracyReceiptRow => ({ id, receivedAt });
let n = 0;
const app = (receiptId: string, fields: Partial<AccuracyApplicationRow> = {}): AccuracyApplicationRow => ({ id: `a${++n}`, receiptId, kind: 'APPLICATION', automatic: true, reversedAt: null, ...fields });

describe('cashApplicationAccuracy', () => {
  it.each([
    { name: 'nothing received → both null ("—")', receipts: [], applications: [], perPayment: [0, 0, '—'], perLine: [0, 0, '—'] },
    { name: 'one receipt auto-applied to two invoices', receipts: [receipt('r1')], applications: [app('r1'), app('r1')], perPayment: [1, 1, '100.0%'], perLine: [2, 2, '100.0%'] },
    {
      name: 'one of two lines reversed: the payment and that line count against',
      receipts: [receipt('r1')],
      applications: [app('r1'), app('r1', { reversedAt: reversed }), app('r1', { kind: 'REVERSAL', automatic: true })],
      perPayment: [0, 1, '0.0%'],
      perLine: [1, 2, '50.0%'],
    },
    {
      name: 'unapplied receipt: in the payment denominator, no lines',
      receipts: [receipt('r1'), receipt('r2')],
      applications: [app('r1')],
      perPayment: [1, 2, '50.0%'],
      perLine: [1, 1, '100.0%'],
    },
    {
      name: 'a person applied the rest: not automatic',
      receipts: [receipt('r1')],
      applications: [app('r1'), app('r1', { automatic: false })],
      perPayment: [0, 1, '0.0%'],
      perLine: [1, 2, '50.0%'],
    },
    {
      name: 'receipts outside the period are out, with their applications',
      receipts: [receipt('r1'), receipt('feb', new Date('2026-02-28T23:59:59Z')), receipt('apr', new Date('2026-04-01T00:00:00Z'))],
      applications: [app('r1'), app('feb', { automatic: false }), app('apr', { automatic: false })],
      perPayment: [1, 1, '100.0%'],
      perLine: [1, 1, '100.0%'],
    },
    {
      name: 'three payments, one reversed and re-applied by hand',
      receipts: [receipt('r1'), receipt('r2'), receipt('r3')],
      applications: [app('r1'), app('r2'), app('r3', { reversedAt: reversed }), app('r3', { automatic: false })],
      perPayment: [2, 3, '66.7%'],
      perLine: [2, 4, '50.0%'],
    },
  ])('$name', ({ receipts, applications, perPayment, perLine }) => {
    const result = cashApplicationAccuracy({ receipts, applications, period });
    expect([result.perPayment.accurate, result.perPayment.total, formatPercent(result.perPayment.ratio)]).toEqual(perPayment);
    expect([result.perInvoiceLine.accurate, result.perInvoiceLine.total, formatPercent(result.perInvoiceLine.ratio)]).toEqual(perLine);
  });

  it('keeps the ratio a 40-digit decimal, rounded only for display', () => {
    const result = cashApplicationAccuracy({ receipts: [receipt('r1'), receipt('r2'), receipt('r3')], applications: [app('r1')], period });
    expect(result.perPayment.ratio!.toString()).toBe(`0.${'3'.repeat(40)}`);
    expect(formatPercent(result.perPayment.ratio, 2)).toBe('33.33%');
  });
});

describe('unappliedCash', () => {
  const toUsd = (amount: Decimal, currency: string) => (currency === 'GBP' ? amount.times('1.25') : amount);
  it.each([
    { name: 'none', receipts: [], expected: ['0.00', 0] },
    {
      name: 'sums open unapplied amounts in USD, skips refunded and fully applied',
      receipts: [
        { id: '1', status: 'UNAPPLIED' as const, currency: 'USD', unappliedAmount: '100.10', receivedAt: inMarch },
        { id: '2', status: 'PARTIALLY_APPLIED' as const, currency: 'GBP', unappliedAmount: '80.00', receivedAt: inMarch },
        { id: '3', status: 'REFUNDED' as const, currency: 'USD', unappliedAmount: '50.00', receivedAt: inMarch },
        { id: '4', status: 'APPLIED' as const, currency: 'USD', unappliedAmount: '0', receivedAt: inMarch },
      ],
      expected: ['200.10', 2],
    },
  ])('$name', ({ receipts, expected }) => {
    const result = unappliedCash({ receipts, toGroupCurrency: toUsd });
    expect([result.amount.toFixed(2), result.receipts]).toEqual(expected);
  });
});
