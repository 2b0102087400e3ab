import { describe, expect, it } from 'vitest';
import { formatRate } from './format-rate';

describe('formatRate', () => {
  it.each([
    [null, '—'],
    [1, '100 %'],
    [0, '0.0 %'],
    [22 / 23, '95.6 %'],
    [0.9996, '99.9 %'],
  ])('%s → %s', (rate, shown) => {
    expect(formatRate(rate)).toBe(shown);
  });
});
