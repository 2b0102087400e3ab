import { describe, expect, it } from 'vitest';
import { billingKey, expenseKey, milestoneKey, parseBillingKey, retainerFeeKey, timeReversalKey, timeTransactionKey, usageRecordKey } from './billing-key.ts';

describe('billing keys', () => {
  it.each([
    [timeTransactionKey('t1'), 'TIME_TRANSACTION:t1'],
    [timeReversalKey('t1'), 'TIME_REVERSAL:t1'],
    [milestoneKey('m1'), 'MILESTONE:m1'],
    [expenseKey('e1'), 'EXPENSE:e1'],
    [usageRecordKey('u1'), 'USAGE_RECORD:u1'],
    [retainerFeeKey('plan-1', '2026-03'), 'RETAINER_FEE:plan-1:2026-03'],
  ])('%s', (key, expected) => {
    expect(key).toBe(expected);
    expect(parseBillingKey(key)).not.toBeNull();
  });

  it('round-trips', () => {
    expect(parseBillingKey('RETAINER_FEE:plan-1:2026-03')).toEqual({ kind: 'RETAINER_FEE', sourceId: 'plan-1', periodKey: '2026-03' });
    expect(parseBillingKey('MILESTONE:m1')).toEqual({ kind: 'MILESTONE', sourceId: 'm1' });
  });

  it.each(['', 'MILESTONE', 'MILESTONE:', 'USAGE_OVERAGE:e1:2026-03', 'RETAINER_FEE:plan-1', 'RETAINER_FEE:plan-1:2026-13', 'MILESTONE:m1:x'])('%j is not a key', (text) => {
    expect(parseBillingKey(text)).toBeNull();
  });

  it('refuses ids that would make a key ambiguous', () => {
    expect(() => billingKey({ kind: 'EXPENSE', sourceId: 'a:b' })).toThrow(RangeError);
    expect(() => billingKey({ kind: 'EXPENSE', sourceId: '' })).toThrow(RangeError);
    expect(() => retainerFeeKey('plan-1', '2026-3')).toThrow(RangeError);
  });
});
