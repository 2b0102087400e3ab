import { describe, expect, it } from 'vitest';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.employee.updated.v1';

describe(TYPE, () => {
  it('accepts the example', () => {
    expect(firstProblem(TYPE, exampleWith(TYPE))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['negative cost rate', [[['costRate'], '-1']], '/costRate', /at least 0/],
    ['cost rate with 7 decimals', [[['costRate'], '95.1234567']], '/costRate', /6 decimal places/],
    ['missing costCenter', [[['costCenter'], REMOVE]], '/costCenter', /Required/],
    ['currency as a number', [[['currency'], 840]], '/currency', /expected string/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
