import { describe, expect, it } from 'vitest';
import { findValueMismatch, valueTolerance, type ContractValues } from './contract-value-mismatch.ts';

const values = (over: Partial<Omit<ContractValues, 'figures'>> & { figures?: Partial<ContractValues['figures']> } = {}): ContractValues => ({
  quoteCurrency: 'USD',
  contractCurrency: 'USD',
  quotedValue: '100000',
  changeOrderDelta: '0',
  ...over,
  figures: { contract: '100000', sowVersion: '100000', engagement: '100000', billingPlan: '100000', ...over.figures },
});
const cent = { minorUnits: 1, ratio: '0' };

describe('valueTolerance', () => {
  it.each([
    ['100000', 'USD', { minorUnits: 1, ratio: '0' }, '0.01'],
    ['100000', 'JPY', { minorUnits: 1, ratio: '0' }, '1'],
    ['100000', 'KWD', { minorUnits: 1, ratio: '0' }, '0.001'],
    ['100000', 'USD', { minorUnits: 1, ratio: '0.001' }, '100'], // the larger of the two
    ['-5000', 'USD', { minorUnits: 0, ratio: '0.01' }, '50'],
  ] as const)('%s %s %o → %s', (expected, currency, tolerance, limit) => {
    expect(valueTolerance(expected, currency, tolerance).toFixed()).toBe(limit);
  });

  it('refuses a negative tolerance', () => {
    expect(() => valueTolerance('1', 'USD', { minorUnits: -1, ratio: '0' })).toThrow(RangeError);
  });
});

describe('findValueMismatch', () => {
  it.each([
    ['all copies agree', values(), null],
    ['change orders on top of the quote', values({ changeOrderDelta: '12500.50', figures: { contract: '112500.5', sowVersion: '112500.5', engagement: '112500.50', billingPlan: '112500.5000' } }), null],
    ['below a cent is rounding', values({ figures: { engagement: '100000.0049' } }), null],
    ['a missing copy is not compared', values({ figures: { sowVersion: null, billingPlan: null } }), null],
  ] as const)('%s → no finding', (_name, input, expected) => {
    expect(findValueMismatch(input, cent)).toBe(expected);
  });

  it.each([
    ['one cent is a difference', values({ figures: { contract: '100000.01' } }), [['contract', '0.01']], '0.01'],
    ['a change order missing from the contract', values({ changeOrderDelta: '-2500', figures: { engagement: '97500', billingPlan: '97500' } }), [['contract', '2500'], ['sowVersion', '2500']], '2500'],
    ['the largest difference is the impact', values({ figures: { engagement: '99000', billingPlan: '100300' } }), [['engagement', '-1000'], ['billingPlan', '300']], '1000'],
  ] as const)('%s', (_name, input, differences, impact) => {
    const mismatch = findValueMismatch(input, cent);
    expect(mismatch).toMatchObject({ kind: 'VALUE', impact });
    expect(mismatch!.differences.map((d) => [d.figure, d.difference])).toEqual(differences);
  });

  it('a ratio tolerance absorbs small differences on large contracts', () => {
    expect(findValueMismatch(values({ figures: { contract: '100050' } }), { minorUnits: 1, ratio: '0.001' })).toBeNull();
    expect(findValueMismatch(values({ figures: { contract: '100100' } }), { minorUnits: 1, ratio: '0.001' })).toMatchObject({ tolerance: '100', impact: '100' });
  });

  it('a contract in another currency than its quote is always a finding, impact the contract value', () => {
    expect(findValueMismatch(values({ contractCurrency: 'eur' }), cent)).toEqual({ kind: 'CURRENCY', expected: '100000', currency: 'EUR', quoteCurrency: 'USD', impact: '100000', differences: [] });
  });
});
