import { describe, expect, it } from 'vitest';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.payment.refunded.v1';

describe(TYPE, () => {
  it.each<[string, Change[]]>([
    ['the example', []],
    ['without currency and reason', [[['currency'], REMOVE], [['reason'], REMOVE]]],
  ])('accepts %s', (_name, changes) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['no refund id', [[['refundId'], REMOVE]], '/refundId', /Required/],
    ['no payment id', [[['paymentId'], REMOVE]], '/paymentId', /Required/],
    ['zero amount', [[['amount'], '0.00']], '/amount', /greater than 0/],
    ['refundedAt invalid', [[['refundedAt'], '2026-07-10T25:00:00Z']], '/refundedAt', /RFC 3339/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
