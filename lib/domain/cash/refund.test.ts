import { describe, expect, it } from 'vitest';
import { planRefund } from './refund.ts';

const receipt = (unapplied: string, applications: [string, string][]) => ({
  kind: 'RECEIPT' as const,
  receiptId: 'r-1',
  currency: 'USD',
  amount: '1500.00',
  refundedAmount: '0',
  unappliedAmount: unapplied,
  applications: applications.map(([invoiceId, amount], i) => ({ applicationId: `a-${i + 1}`, invoiceId, amount })),
});

describe('planRefund', () => {
  it.each([
    {
      name: 'out of the unapplied cash only (an overpayment going back)',
      unapplied: '200.00', applications: [['inv-1', '1300.00']] as [string, string][], amount: '150.00',
      expected: { fromUnapplied: '150', reverse: [], reapply: [], taken: [] },
    },
    {
      name: 'unapplied first, then the newest application, whose rest is applied again',
      unapplied: '100.00', applications: [['inv-1', '900.00'], ['inv-2', '500.00']] as [string, string][], amount: '300.00',
      expected: { fromUnapplied: '100', reverse: ['a-2'], reapply: [['inv-2', '300']], taken: [['inv-2', '200']] },
    },
    {
      name: 'a fully applied receipt refunded in part (the fixture: 5.00 of 15.00)',
      unapplied: '0', applications: [['inv-1', '15.00']] as [string, string][], amount: '5.00',
      expected: { fromUnapplied: '0', reverse: ['a-1'], reapply: [['inv-1', '10']], taken: [['inv-1', '5']] },
    },
    {
      name: 'everything: every application reversed, nothing applied again',
      unapplied: '0.01', applications: [['inv-1', '0.99'], ['inv-2', '1.00']] as [string, string][], amount: '2.00',
      expected: { fromUnapplied: '0.01', reverse: ['a-2', 'a-1'], reapply: [], taken: [['inv-2', '1'], ['inv-1', '0.99']] },
    },
  ])('$name', ({ unapplied, applications, amount, expected }) => {
    const plan = planRefund({ receipt: receipt(unapplied, applications), amount, currency: 'usd' });
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.take.fromUnapplied.toString()).toBe(expected.fromUnapplied);
    expect(plan.take.reverseApplicationIds).toEqual(expected.reverse);
    expect(plan.take.reapply.map((r) => [r.invoiceId, r.amount.toString()])).toEqual(expected.reapply);
    expect(plan.take.taken.map((t) => [t.invoiceId, t.amount.toString()])).toEqual(expected.taken);
  });

  it('refuses more than the receipt still holds, and another currency', () => {
    expect(planRefund({ receipt: receipt('0', [['inv-1', '10.00']]), amount: '10.01' })).toMatchObject({ ok: false, reason: 'EXCEEDS_RECEIPT', currency: 'USD' });
    expect(planRefund({ receipt: receipt('5.00', []), amount: '1.00', currency: 'EUR' })).toMatchObject({ ok: false, reason: 'CURRENCY_MISMATCH' });
    expect(() => planRefund({ receipt: receipt('5.00', []), amount: '0' })).toThrow(RangeError);
  });
});
