import { describe, expect, it } from 'vitest';
import { convertCurrency } from './convert-currency.ts';
import { draftLine, draftSource, sourceForeignKey } from './invoice-draft.ts';

describe('draftLine', () => {
  it('its amount is the sum of its unrounded sources, rounded once', () => {
    const sources = ['0.333333', '0.333333', '0.333334'].map((amount, i) => draftSource({ kind: 'USAGE_RECORD', billingKey: `USAGE_RECORD:u${i}`, sourceId: `u${i}`, amount, currency: 'USD' }));
    expect(draftLine({ kind: 'USAGE_OVERAGE', description: 'x', quantity: 3, unitPrice: '0.333333', currency: 'USD', sources }).amount).toBe('1.00');
  });
});

describe('sourceForeignKey', () => {
  it.each([
    ['TIME_TRANSACTION', { timeTransactionId: 'id' }],
    ['TIME_REVERSAL', { timeTransactionId: 'id' }],
    ['MILESTONE', { milestoneId: 'id' }],
    ['EXPENSE', { expenseId: 'id' }],
    ['USAGE_RECORD', { usageRecordId: 'id' }],
    ['RETAINER_FEE', { billingPlanId: 'id' }],
  ] as const)('%s', (kind, expected) => {
    expect(sourceForeignKey({ kind, sourceId: 'id' })).toEqual(expected);
  });
});

describe('convertCurrency', () => {
  const fx = ({ from, to }: { from: string; to: string }) => (from === 'INR' && to === 'USD' ? '0.012' : from === 'JPY' ? '0' : null);

  it.each([
    { amount: '1000', from: 'usd', to: 'USD', expected: { ok: true, fxRate: null } },
    { amount: '83333.33', from: 'INR', to: 'USD', expected: { ok: true } },
    { amount: '5', from: 'CHF', to: 'USD', expected: { ok: false, code: 'FX_RATE_MISSING', from: 'CHF', to: 'USD', date: '2026-04-01' } },
  ])('$amount $from → $to', ({ amount, from, to, expected }) => {
    expect(convertCurrency({ amount, from, to, date: '2026-04-01', fx })).toMatchObject(expected);
  });

  it('is exact: 83,333.33 INR × 0.012 = 999.99996 USD', () => {
    const result = convertCurrency({ amount: '83333.33', from: 'INR', to: 'USD', date: '2026-04-01', fx });
    expect(result.ok && result.amount.toString()).toBe('999.99996');
  });

  it('refuses a rate that is not positive', () => {
    expect(() => convertCurrency({ amount: '1', from: 'JPY', to: 'USD', date: '2026-04-01', fx })).toThrow(RangeError);
  });
});
