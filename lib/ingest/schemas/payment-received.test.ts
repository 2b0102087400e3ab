import { describe, expect, it } from 'vitest';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.payment.received.v1';

describe(TYPE, () => {
  it.each<[string, Change[]]>([
    ['the example', []],
    ['no remittance and a payer known by name only', [[['remittance'], REMOVE], [['payer'], { name: 'ACME HOLDINGS' }]]],
  ])('accepts %s', (_name, changes) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['zero amount', [[['amount'], 0]], '/amount', /greater than 0/],
    ['negative remittance amount', [[['remittance', 0, 'amount'], '-10']], '/remittance/0/amount', /greater than 0/],
    ['negative deduction', [[['remittance', 0, 'deduction'], -1]], '/remittance/0/deduction', /at least 0/],
    ['remittance without invoice number', [[['remittance', 0, 'invoiceNumber'], REMOVE]], '/remittance/0/invoiceNumber', /Required/],
    ['missing payer', [[['payer'], REMOVE]], '/payer', /Required/],
    ['amount in exponent form', [[['amount'], '9.95e4']], '/amount', /Expected a decimal/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
