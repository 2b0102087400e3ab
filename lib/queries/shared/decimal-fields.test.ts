import { describe, expect, it } from 'vitest';
import { exactDecimal, hoursOrNull, isoDate, money, unroundedMoney } from './decimal-fields.ts';

describe('decimal fields', () => {
  it.each([
    ['42300', 'USD', '42300.00'],
    ['899.995', 'USD', '900.00'],
    ['-12500.005', 'USD', '-12500.01'],
    ['1500000.4', 'JPY', '1500000'],
    ['1.2345', 'BHD', '1.235'],
  ])('money(%s, %s) = %s', (amount, currency, expected) => {
    expect(money(amount, currency)).toBe(expected);
  });

  it('keeps unrounded amounts exact, with at least the minor units', () => {
    expect(unroundedMoney('925.9275', 'USD')).toBe('925.9275');
    expect(unroundedMoney('108.0000', 'USD')).toBe('108.00');
    expect(exactDecimal('7.5000')).toBe('7.5');
    expect(exactDecimal('120.000000', 2)).toBe('120.00');
  });

  it('formats hours and dates', () => {
    expect(hoursOrNull('7.5')).toBe('7.50');
    expect(hoursOrNull(null)).toBeNull();
    expect(isoDate(new Date('2026-03-31T00:00:00Z'))).toBe('2026-03-31');
  });
});
