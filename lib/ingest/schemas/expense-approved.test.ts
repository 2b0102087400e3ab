import { describe, expect, it } from 'vitest';
import { exampleEventData } from './examples.ts';
import { expenseApprovedData } from './expense-approved.ts';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.expense.approved.v1';

describe(TYPE, () => {
  it('accepts the example; currency is upper-cased, amount normalised', () => {
    expect(expenseApprovedData.parse(exampleEventData[TYPE])).toMatchObject({ currency: 'USD', amount: '412.8' });
  });

  it.each<[string, Change[], string, RegExp]>([
    ['negative amount', [[['amount'], '-5']], '/amount', /greater than 0/],
    ['amount with 5 decimals', [[['amount'], '1.00001']], '/amount', /4 decimal places/],
    ['missing currency', [[['currency'], REMOVE]], '/currency', /Required/],
    ['date with time', [[['date'], '2026-03-29T10:00:00Z']], '/date', /calendar date/],
    ['billable missing', [[['billable'], REMOVE]], '/billable', /Required/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
