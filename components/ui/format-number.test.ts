import { describe, expect, it } from 'vitest';
import { formatAmount, formatDuration } from './format-number';

describe('formatAmount', () => {
  it.each([
    ['0', '0.00'],
    ['1200', '1,200.00'],
    ['1000000.01', '1,000,000.01'],
    ['-12345.5', '-12,345.50'],
    ['99999999999999.9999', '99,999,999,999,999.9999'],
    ['007.1', '7.10'],
    ['not a number', 'not a number'],
  ])('%s → %s', (amount, shown) => {
    expect(formatAmount(amount)).toBe(shown);
  });

  it('keeps amounts already at their currency scale as they are (minScale 0)', () => {
    expect(formatAmount('1200000', 0)).toBe('1,200,000');
    expect(formatAmount('42300.5', 0)).toBe('42,300.5');
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [0, '0 ms'],
    [850, '850 ms'],
    [2400, '2.4 s'],
    [192_000, '3.2 min'],
    [18_360_000, '5.1 h'],
  ])('%s → %s', (ms, shown) => {
    expect(formatDuration(ms)).toBe(shown);
  });
});
