import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal.ts';
import { percentile } from './percentile.ts';

// Linear expectations are what PostgreSQL's percentile_cont(p) WITHIN GROUP (ORDER BY x)
// returns for the same values (Hyndman–Fan type 7).
describe('percentile', () => {
  const ten = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
  it.each<[string[], number, 'linear' | 'nearest-rank', string | null]>([
    [ten, 0.5, 'linear', '5.5'],
    [ten, 0.95, 'linear', '9.55'],
    [ten, 0.99, 'linear', '9.91'],
    [ten, 0, 'linear', '1'],
    [ten, 1, 'linear', '10'],
    [ten, 0.5, 'nearest-rank', '5'],
    [ten, 0.95, 'nearest-rank', '10'],
    [ten, 0.9, 'nearest-rank', '9'],
    [ten, 0, 'nearest-rank', '1'],
    [['15', '20', '35', '40', '50'], 0.4, 'nearest-rank', '20'], // Wikipedia "Percentile", nearest-rank worked example
    [['15', '20', '35', '40', '50'], 0.4, 'linear', '29'],
    [['42'], 0.99, 'linear', '42'],
    [['3', '1', '2'], 0.5, 'linear', '2'], // unsorted input
    [[], 0.5, 'linear', null],
  ])('%j p%s (%s) → %s', (values, p, method, expected) => {
    const value = percentile(values, p, method);
    expect(value === null ? null : value.toString()).toBe(expected === null ? null : dec(expected).toString());
  });

  it.each([-0.1, 1.1, Number.NaN])('refuses p = %s', (p) => {
    expect(() => percentile(['1'], p)).toThrow(RangeError);
  });
});
