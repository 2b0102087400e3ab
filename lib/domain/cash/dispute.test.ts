import { describe, expect, it } from 'vitest';
import { openDispute, resolveDispute, type DisputeOutcome, type DisputeTarget } from './dispute.ts';

const invoiceTarget = (balanceDue: string, total = '1000.00'): DisputeTarget => ({ kind: 'INVOICE', invoiceId: 'inv-1', currency: 'USD', total, balanceDue });
const receiptTarget = (unappliedAmount = '0'): DisputeTarget => ({
  kind: 'RECEIPT',
  receiptId: 'rcpt-1',
  currency: 'EUR',
  amount: '1500.00',
  refundedAmount: '0',
  unappliedAmount,
  applications: [
    { applicationId: 'app-1', invoiceId: 'inv-1', amount: '1000.00' },
    { applicationId: 'app-2', invoiceId: 'inv-2', amount: String(500 - Number(unappliedAmount)) },
  ],
});

describe('openDispute puts the amount on hold and raises PAYMENT_DISPUTED (DECISION)', () => {
  it.each([
    { name: 'part of an invoice', target: invoiceTarget('1000.00'), amount: '300.00', currency: 'USD', held: '300.00', capped: false },
    { name: 'a paid invoice can be disputed', target: invoiceTarget('0'), amount: '1000.00', currency: undefined, held: '1000.00', capped: false },
    { name: 'more than the invoice: capped at its total', target: invoiceTarget('1000.00'), amount: '1200.00', currency: undefined, held: '1000.00', capped: true },
    { name: 'a payment', target: receiptTarget(), amount: '1500.00', currency: 'eur', held: '1500.00', capped: false },
  ])('$name', ({ target, amount, currency, held, capped }) => {
    const opened = openDispute({ target, amount, ...(currency ? { currency } : {}) });
    if (!opened.ok) throw new Error('expected a hold');
    expect([opened.heldAmount.toFixed(2), opened.capped, opened.exception.code, opened.exception.recoverability, opened.exception.amount.toFixed(2)]).toEqual([
      held,
      capped,
      'PAYMENT_DISPUTED',
      'DECISION',
      held,
    ]);
  });

  it('refuses another currency and a payment already refunded', () => {
    expect(openDispute({ target: invoiceTarget('1000.00'), amount: '10', currency: 'GBP' })).toEqual({ ok: false, reason: 'CURRENCY_MISMATCH' });
    expect(openDispute({ target: { ...receiptTarget(), refundedAmount: '1500.00' } as DisputeTarget, amount: '10' })).toEqual({ ok: false, reason: 'NOTHING_TO_DISPUTE' });
    expect(() => openDispute({ target: invoiceTarget('1000.00'), amount: '0' })).toThrow(RangeError);
  });
});

describe('resolveDispute on an invoice', () => {
  it.each<{ name: string; balance: string; outcome: DisputeOutcome; expected: [string, string, string, string[], string, string] }>([
    { name: 'won: the hold is released, the balance stays due', balance: '1000.00', outcome: { result: 'WON' }, expected: ['WON', '0.00', '300.00', [], '1000.00', '0.00'] },
    { name: 'lost: credit note for the held amount', balance: '1000.00', outcome: { result: 'LOST' }, expected: ['LOST', '300.00', '0.00', ['inv-1:300.00:DISPUTE'], '700.00', '0.00'] },
    { name: 'accepted without a fight: same as lost', balance: '1000.00', outcome: { result: 'ACCEPTED' }, expected: ['ACCEPTED', '300.00', '0.00', ['inv-1:300.00:DISPUTE'], '700.00', '0.00'] },
    { name: 'partial: the conceded part is credited, the rest released', balance: '1000.00', outcome: { result: 'PARTIAL', concededAmount: '120.00' }, expected: ['LOST', '120.00', '180.00', ['inv-1:120.00:DISPUTE'], '880.00', '0.00'] },
    { name: 'lost on a paid invoice: the credit is owed back to the payer', balance: '100.00', outcome: { result: 'LOST' }, expected: ['LOST', '300.00', '0.00', ['inv-1:300.00:DISPUTE'], '0.00', '200.00'] },
  ])('$name', ({ balance, outcome, expected }) => {
    const result = resolveDispute({ target: invoiceTarget(balance), heldAmount: '300.00', currentStatus: 'OPEN', outcome });
    if (result.status !== 'resolved') throw new Error('expected a resolution');
    expect([
      result.disputeStatus,
      result.concededAmount.toFixed(2),
      result.releasedAmount.toFixed(2),
      result.creditNotes.map((c) => `${c.invoiceId}:${c.amount.toFixed(2)}:${c.reason}`),
      result.balanceDueAfter!.toFixed(2),
      result.refundDue.toFixed(2),
    ]).toEqual(expected);
    expect(result.chargeback).toBeNull();
  });

  it('is safe to repeat and refuses a partial that is not partial', () => {
    expect(resolveDispute({ target: invoiceTarget('1000'), heldAmount: '300', currentStatus: 'LOST', outcome: { result: 'WON' } })).toEqual({ status: 'already-resolved' });
    for (const concededAmount of ['0', '300', '301']) {
      expect(() => resolveDispute({ target: invoiceTarget('1000'), heldAmount: '300', currentStatus: 'CONTESTED', outcome: { result: 'PARTIAL', concededAmount } })).toThrow(RangeError);
    }
  });
});

describe('resolveDispute on a payment (chargeback)', () => {
  it.each<{ name: string; unapplied: string; held: string; outcome: DisputeOutcome; expected: { fromUnapplied: string; reverse: string[]; reapply: string[]; credits: string[] } }>([
    { name: 'won: nothing moves', unapplied: '0', held: '1500.00', outcome: { result: 'WON' }, expected: { fromUnapplied: '-', reverse: [], reapply: [], credits: [] } },
    {
      name: 'lost in full: every application reversed and credited',
      unapplied: '0',
      held: '1500.00',
      outcome: { result: 'LOST' },
      expected: { fromUnapplied: '0.00', reverse: ['app-2', 'app-1'], reapply: [], credits: ['inv-2:500.00', 'inv-1:1000.00'] },
    },
    {
      name: 'partial: the newest application is taken first, its remainder applied again',
      unapplied: '0',
      held: '1500.00',
      outcome: { result: 'PARTIAL', concededAmount: '700.00' },
      expected: { fromUnapplied: '0.00', reverse: ['app-2', 'app-1'], reapply: ['inv-1:800.00'], credits: ['inv-2:500.00', 'inv-1:200.00'] },
    },
    {
      name: 'the unapplied part goes first: no invoice touched',
      unapplied: '200.00',
      held: '200.00',
      outcome: { result: 'LOST' },
      expected: { fromUnapplied: '200.00', reverse: [], reapply: [], credits: [] },
    },
  ])('$name', ({ unapplied, held, outcome, expected }) => {
    const result = resolveDispute({ target: receiptTarget(unapplied), heldAmount: held, currentStatus: 'OPEN', outcome });
    if (result.status !== 'resolved') throw new Error('expected a resolution');
    expect({
      fromUnapplied: result.chargeback?.fromUnapplied.toFixed(2) ?? '-',
      reverse: result.chargeback?.reverseApplicationIds ?? [],
      reapply: result.chargeback?.reapply.map((r) => `${r.invoiceId}:${r.amount.toFixed(2)}`) ?? [],
      credits: result.creditNotes.map((c) => `${c.invoiceId}:${c.amount.toFixed(2)}`),
    }).toEqual(expected);
    expect(result.creditNotes.every((c) => c.currency === 'EUR' && c.reason === 'DISPUTE')).toBe(true);
  });
});
