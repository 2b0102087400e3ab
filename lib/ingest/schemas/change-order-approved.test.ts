import { describe, expect, it } from 'vitest';
import { changeOrderApprovedData } from './change-order-approved.ts';
import { exampleEventData } from './examples.ts';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.change_order.approved.v1';

describe(TYPE, () => {
  it('accepts the example, with negative deltas', () => {
    expect(changeOrderApprovedData.parse(exampleEventData[TYPE])).toMatchObject({ valueDelta: '25000', estimatedCostDelta: '-1500.5', budgetHoursDelta: '120.5' });
  });

  it('accepts a change order without milestone changes', () => {
    expect(firstProblem(TYPE, exampleWith(TYPE, [['milestonesAdded'], REMOVE], [['milestonesChanged'], REMOVE]))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['missing valueDelta', [[['valueDelta'], REMOVE]], '/valueDelta', /Required/],
    ['budget hours with 3 decimals', [[['budgetHoursDelta'], '1.125']], '/budgetHoursDelta', /2 decimal places/],
    ['budget hours beyond Decimal(9,2)', [[['budgetHoursDelta'], '10000000']], '/budgetHoursDelta', /at most 9999999.99/],
    ['added milestone without amount', [[['milestonesAdded', 0, 'amount'], REMOVE]], '/milestonesAdded/0/amount', /Required/],
    ['changed milestone twice', [[['milestonesChanged'], [{ ref: 'M2' }, { ref: 'M2', amount: '1' }]]], '/milestonesChanged/1/ref', /Duplicate/],
    ['empty reason', [[['reason'], ' ']], '/reason', /empty/],
    ['version as text', [[['version'], 'one']], '/version', /whole number/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
