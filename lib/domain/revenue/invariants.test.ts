import { describe, expect, it } from 'vitest';
import { checkCumulativeEqualsSumOfEntries, checkRecognizedEqualsContractValueAtCompletion, checkRecognizedWithinContractValue } from './invariants.ts';

const entries = (...amounts: string[]) => amounts.map((amount) => ({ amount }));

describe('revenue invariants', () => {
  it.each([
    { name: 'below the value', amounts: ['300', '400'], value: '1000', ok: true },
    { name: 'exactly the value', amounts: ['333.33', '333.34', '333.33'], value: '1000', ok: true },
    { name: 'above the value', amounts: ['600', '400.01'], value: '1000', ok: false },
    { name: 'above on the way, back down by the end', amounts: ['1200', '-300'], value: '1000', ok: false },
  ])('within the contract value: $name', ({ amounts, value, ok }) => {
    expect(checkRecognizedWithinContractValue({ entries: entries(...amounts), contractValue: value, currency: 'USD' }).ok).toBe(ok);
  });

  it('holds each POC entry to the value in force at its measurement', () => {
    const cut = [
      { amount: '900', poc: { contractValue: '1000' } },
      { amount: '-100', poc: { contractValue: '800' } },
    ];
    expect(checkRecognizedWithinContractValue({ entries: cut, contractValue: '800', currency: 'USD' })).toEqual({ ok: true });
  });

  it.each([
    { amounts: ['333.33', '333.34', '333.33'], value: '1000', ok: true },
    { amounts: ['333.33', '333.33', '333.33'], value: '1000', ok: false },
    { amounts: ['333333', '333334', '333333'], value: '1000000', ok: true, currency: 'JPY' },
  ])('equals the value at completion: $amounts of $value', ({ amounts, value, ok, currency }) => {
    expect(checkRecognizedEqualsContractValueAtCompletion({ entries: entries(...amounts), contractValue: value, currency: currency ?? 'USD' }).ok).toBe(ok);
  });

  it('cumulative is the running sum of the entries', () => {
    const good = [
      { amount: '100', cumulativeAmount: '100' },
      { amount: '-40', cumulativeAmount: '60' },
    ];
    expect(checkCumulativeEqualsSumOfEntries({ entries: good, recognizedToDate: '60' })).toEqual({ ok: true });
    expect(checkCumulativeEqualsSumOfEntries({ entries: [good[0]!, { amount: '-40', cumulativeAmount: '100' }] })).toMatchObject({ ok: false, message: expect.stringMatching(/Entry 2/) });
    expect(checkCumulativeEqualsSumOfEntries({ entries: good, recognizedToDate: '100' })).toMatchObject({ ok: false });
  });
});
