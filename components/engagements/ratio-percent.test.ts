import { describe, expect, it } from 'vitest';
import { ratioPercent } from './engagement-table';

describe('ratioPercent: the margin columns', () => {
  it.each([
    [null, false, '—'],
    [undefined, true, '—'],
    ['0.548882', false, '54.9%'],
    ['0', false, '0.0%'],
    ['-0.100241', true, '−10.0 pts'],
    ['0.00049', true, '0.0 pts'],
    ['0.3', true, '+30.0 pts'],
    ['-0.00051', true, '−0.1 pts'],
    ['-0.00004', true, '0.0 pts'],
  ] as const)('%s (points: %s) → %s', (ratio, points, shown) => {
    expect(ratioPercent(ratio, points)).toBe(shown);
  });
});
