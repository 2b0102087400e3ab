import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal.ts';
import { formatFigure, formatGroupAmount, formatPercent, mean, ratio } from './kpi-value.ts';

describe('KPI values', () => {
  it.each([
    ['3', '4', '0.75'],
    ['0', '4', '0'],
    ['1', '0', null],
    ['0', '0', null],
  ])('ratio(%s, %s) → %s', (numerator, denominator, expected) => {
    expect(ratio(numerator, denominator)?.toString() ?? null).toBe(expected);
  });

  it.each([
    [dec('0.8755'), 1, '87.6%'],
    [dec('0.87549'), 1, '87.5%'],
    [dec('1'), 0, '100%'],
    [dec('-0.05'), 1, '-5.0%'],
    [null, 1, '—'],
  ])('formatPercent(%s, %i) → %s', (value, decimals, expected) => {
    expect(formatPercent(value, decimals)).toBe(expected);
  });

  it('figures and amounts for display', () => {
    expect(formatFigure(dec('82.75'), 1)).toBe('82.8');
    expect(formatFigure(null)).toBe('—');
    expect(formatGroupAmount(dec('1234.5'))).toBe('1234.50 USD');
    expect(formatGroupAmount(null)).toBe('—');
    expect(mean([])).toBeNull();
    expect(mean(['1', '2'])?.toString()).toBe('1.5');
  });
});
