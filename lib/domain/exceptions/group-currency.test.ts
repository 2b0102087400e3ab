import { describe, expect, it } from 'vitest';
import { findFxRate, roundGroupAmount, toGroupCurrency, type FxRateLookup } from './group-currency.ts';

const rates: FxRateLookup = [
  { baseCurrency: 'EUR', quoteCurrency: 'USD', rateDate: '2026-03-02', rate: '1.0800000000' },
  { baseCurrency: 'EUR', quoteCurrency: 'USD', rateDate: '2026-03-05', rate: '1.1000000000' },
  // Only the inverse pair is quoted for JPY and INR.
  { baseCurrency: 'USD', quoteCurrency: 'JPY', rateDate: '2026-03-02', rate: '150.0000000000' },
  { baseCurrency: 'USD', quoteCurrency: 'INR', rateDate: '2026-03-02', rate: '83.0000000000' },
  // GBP: a direct rate on the 2nd, an inverse one on the 4th, both on the 6th.
  { baseCurrency: 'GBP', quoteCurrency: 'USD', rateDate: new Date('2026-03-02T00:00:00Z'), rate: '1.2500000000' },
  { baseCurrency: 'USD', quoteCurrency: 'GBP', rateDate: '2026-03-04', rate: '0.8000000000' },
  { baseCurrency: 'GBP', quoteCurrency: 'USD', rateDate: '2026-03-06', rate: '1.3000000000' },
  { baseCurrency: 'USD', quoteCurrency: 'GBP', rateDate: '2026-03-06', rate: '0.5000000000' },
  { baseCurrency: 'CHF', quoteCurrency: 'USD', rateDate: '2026-03-02', rate: '0' },
];

describe('roundGroupAmount: half-up to cents, away from zero on a tie', () => {
  it.each([
    ['1.005', '1.01'],
    ['1.004999', '1.00'],
    ['2.675', '2.68'],
    ['0.125', '0.13'],
    ['-1.005', '-1.01'],
    ['-2.675', '-2.68'],
    ['-1.004', '-1.00'],
    ['-0.004', '0.00'],
    ['12345678901234.995', '12345678901235.00'],
    ['0', '0.00'],
    ['7', '7.00'],
  ])('%s → %s', (value, rounded) => {
    expect(roundGroupAmount(value)).toBe(rounded);
  });
});

describe('findFxRate', () => {
  it.each([
    ['EUR', '2026-03-02', { rate: '1.0800000000', rateDate: '2026-03-02', inverse: false }],
    ['EUR', '2026-03-04', { rate: '1.0800000000', rateDate: '2026-03-02', inverse: false }], // latest earlier
    ['EUR', '2026-03-05', { rate: '1.1000000000', rateDate: '2026-03-05', inverse: false }],
    ['EUR', '2026-12-31', { rate: '1.1000000000', rateDate: '2026-03-05', inverse: false }],
    ['GBP', '2026-03-03', { rate: '1.2500000000', rateDate: '2026-03-02', inverse: false }],
    ['GBP', '2026-03-04', { rate: '0.8000000000', rateDate: '2026-03-04', inverse: true }], // the later day wins
    ['GBP', '2026-03-06', { rate: '1.3000000000', rateDate: '2026-03-06', inverse: false }], // same day: direct wins
    ['JPY', '2026-03-02', { rate: '150.0000000000', rateDate: '2026-03-02', inverse: true }],
  ])('%s on %s', (currency, day, expected) => {
    expect(findFxRate(rates, currency, 'USD', day)).toEqual(expected);
  });

  it.each([
    ['EUR', '2026-03-01'], // only later rates
    ['CAD', '2026-03-02'], // no pair at all
    ['CHF', '2026-03-02'], // a zero rate is not a rate
  ])('none for %s on %s', (currency, day) => {
    expect(findFxRate(rates, currency, 'USD', day)).toBeNull();
  });

  it('reads a Date as its UTC calendar day', () => {
    expect(findFxRate(rates, 'EUR', 'USD', new Date('2026-03-05T23:59:59.999Z'))?.rateDate).toBe('2026-03-05');
    expect(findFxRate(rates, 'EUR', 'USD', new Date('2026-03-04T23:59:59.999Z'))?.rateDate).toBe('2026-03-02');
  });
});

describe('toGroupCurrency', () => {
  const on = (day: string) => new Date(`${day}T12:00:00Z`);

  it.each([
    // amount, currency, day, USD
    ['1000.00', 'EUR', '2026-03-02', '1080.00'],
    ['1000.00', 'eur', '2026-03-05', '1100.00'],
    ['0.0050', 'EUR', '2026-03-05', '0.01'], // 0.0055 → 0.01
    ['-250.50', 'EUR', '2026-03-02', '-270.54'], // -270.54 exactly
    ['100', 'JPY', '2026-03-02', '0.67'], // 100 / 150 = 0.666…
    ['-100', 'JPY', '2026-03-02', '-0.67'],
    ['75', 'JPY', '2026-03-02', '0.50'], // 0.5 exactly
    ['0.75', 'JPY', '2026-03-02', '0.01'], // 0.005 exactly: half-up
    ['41.5', 'INR', '2026-03-02', '0.50'],
    ['0.415', 'INR', '2026-03-02', '0.01'], // 0.005 exactly
    ['12.345', 'USD', '2026-03-02', '12.35'], // no rate needed, still rounded to cents
    ['-12.345', 'USD', '2026-03-02', '-12.35'],
  ])('%s %s on %s → %s USD', (amount, currency, day, usd) => {
    const result = toGroupCurrency({ amount, currency, date: on(day), rates });
    expect(result).toMatchObject({ status: 'converted', amount: usd, currency: 'USD' });
  });

  it('says which rate it used', () => {
    expect(toGroupCurrency({ amount: '100', currency: 'JPY', date: on('2026-03-09'), rates })).toEqual({
      status: 'converted',
      amount: '0.67',
      currency: 'USD',
      rate: '150.0000000000',
      rateDate: '2026-03-02',
      inverse: true,
    });
  });

  it('a missing rate is a result with zero impact, not an error', () => {
    expect(toGroupCurrency({ amount: '5000', currency: 'CAD', date: on('2026-03-02'), rates })).toEqual({
      status: 'rate-missing',
      amount: '0.00',
      currency: 'USD',
      fromCurrency: 'CAD',
      date: '2026-03-02',
    });
    expect(toGroupCurrency({ amount: '5000', currency: 'EUR', date: on('2026-01-01'), rates }).status).toBe('rate-missing');
  });

  it.each(['1e3', '0x10', '', ' 1', '1.', 'abc', 'NaN'])('refuses the amount %j (plain decimals only)', (amount) => {
    expect(() => toGroupCurrency({ amount, currency: 'USD', date: on('2026-03-02'), rates })).toThrow(RangeError);
  });
});
