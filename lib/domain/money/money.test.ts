import { describe, expect, it } from 'vitest';
import { allocate, formatMinor, minorUnits, roundToMinor } from './currency.ts';
import { dec, sum } from './decimal.ts';

describe('roundToMinor (half-up at the minor unit)', () => {
  it.each([
    ['10.005', 'USD', '10.01'],
    ['10.004999', 'USD', '10'],
    ['-10.005', 'USD', '-10.01'],
    ['2.675', 'GBP', '2.68'], // 2.675 as a float rounds to 2.67: exact decimals do not
    ['1.005', 'EUR', '1.01'],
    ['0.5', 'JPY', '1'],
    ['1234.5678', 'INR', '1234.57'],
    ['1.0005', 'KWD', '1.001'],
    ['0.004', 'USD', '0'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(roundToMinor(amount, currency).toString()).toBe(dec(expected).toString());
  });

  it('formats with exactly the minor unit', () => {
    expect(formatMinor('42300', 'USD')).toBe('42300.00');
    expect(formatMinor('1999.5', 'JPY')).toBe('2000');
  });

  it('refuses an unknown currency and a float', () => {
    expect(() => minorUnits('XYZ')).toThrow(/Unknown currency/);
    expect(() => dec(0.1)).toThrow(/float/);
  });

  it('keeps 0.1 + 0.2 exact', () => {
    expect(sum(['0.1', '0.2']).toString()).toBe('0.3');
  });
});

describe('allocate', () => {
  it.each([
    { total: '100', weights: ['1', '1', '1'], expected: ['33.34', '33.33', '33.33'] },
    { total: '0.05', weights: ['1', '1'], expected: ['0.03', '0.02'] },
    { total: '-100', weights: ['1', '1', '1'], expected: ['-33.34', '-33.33', '-33.33'] },
    { total: '1000', weights: ['7.5', '8', '0'], expected: ['483.87', '516.13', '0'] },
  ])('$total over $weights', ({ total, weights, expected }) => {
    const parts = allocate(total, weights, 'USD');
    expect(parts.map((p) => p.toFixed(2))).toEqual(expected.map((e) => dec(e).toFixed(2)));
    expect(sum(parts).toFixed(2)).toBe(dec(total).toFixed(2));
  });
});
