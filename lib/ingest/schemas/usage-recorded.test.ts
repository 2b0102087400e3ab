import { describe, expect, it } from 'vitest';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.usage.recorded.v1';

describe(TYPE, () => {
  it.each<[string, Change[]]>([
    ['the example', []],
    ['zero units', [[['units'], 0]]],
  ])('accepts %s', (_name, changes) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['negative units', [[['units'], -1]], '/units', /at least 0/],
    ['period as a date', [[['period'], '2026-03-01']], '/period', /YYYY-MM/],
    ['month 13', [[['period'], '2026-13']], '/period', /YYYY-MM/],
    ['missing usageId', [[['usageId'], REMOVE]], '/usageId', /Required/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
