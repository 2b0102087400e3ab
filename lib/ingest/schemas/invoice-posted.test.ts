import { describe, expect, it } from 'vitest';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.invoice.posted.v1';

describe(TYPE, () => {
  it('accepts the example', () => {
    expect(firstProblem(TYPE, exampleWith(TYPE))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['missing erpInvoiceNumber', [[['erpInvoiceNumber'], REMOVE]], '/erpInvoiceNumber', /Required/],
    ['postedAt as epoch millis', [[['postedAt'], 1780389000000]], '/postedAt', /expected string/],
    ['empty invoiceId', [[['invoiceId'], '']], '/invoiceId', /empty/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
