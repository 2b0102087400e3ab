import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it.each([
    ['1234567.5', 'USD', '1,234,567.50'],
    ['-121.00', 'USD', '-121.00'],
    ['1500000', 'JPY', '1,500,000'],
    ['0.125', 'BHD', '0.125'],
    ['not a number', 'USD', 'not a number'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });
});
