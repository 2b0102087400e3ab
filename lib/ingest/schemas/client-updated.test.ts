import { describe, expect, it } from 'vitest';
import { clientUpdatedData } from './client-updated.ts';
import { exampleEventData } from './examples.ts';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.client.updated.v1';

describe(TYPE, () => {
  it('accepts any field → value map (stewardship decides what applies)', () => {
    expect(clientUpdatedData.parse(exampleEventData[TYPE]).fields).toEqual({ name: 'Acme Holdings Inc.', billingAddress: { city: 'New York' } });
    expect(firstProblem(TYPE, exampleWith(TYPE, [['fields'], { creditLimit: null, health: 'AT_RISK' }]))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['missing fields', [[['fields'], REMOVE]], '/fields', /Required/],
    ['fields as a list', [[['fields'], ['name']]], '/fields', /object of field names/],
    ['missing externalId', [[['externalId'], REMOVE]], '/externalId', /Required/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
