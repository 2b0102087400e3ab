import { describe, expect, it } from 'vitest';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.payment.disputed.v1';

describe(TYPE, () => {
  it.each<[string, Change[]]>([
    ['the example', []],
    ['an invoice number instead of a payment id, no currency', [[['paymentId'], REMOVE], [['invoiceNumber'], 'INV-US01-000123'], [['currency'], REMOVE]]],
  ])('accepts %s', (_name, changes) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['neither paymentId nor invoiceNumber', [[['paymentId'], REMOVE]], '/paymentId', /paymentId or invoiceNumber/],
    ['paymentId null and no invoiceNumber', [[['paymentId'], null]], '/paymentId', /paymentId or invoiceNumber/],
    ['zero amount', [[['amount'], '0.00']], '/amount', /greater than 0/],
    ['missing reason', [[['reason'], REMOVE]], '/reason', /Required/],
    ['openedAt invalid', [[['openedAt'], '2026-07-10T25:00:00Z']], '/openedAt', /RFC 3339/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
