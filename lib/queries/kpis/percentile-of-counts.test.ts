// The histogram percentile agrees with the domain's percentile on the expanded values.
import { describe, expect, it } from 'vitest';
import { percentile } from '../../domain/kpis/percentile.ts';
import { percentileOfCounts } from './percentile-of-counts.ts';

const expand = (histogram: [number, number][]) => histogram.flatMap(([value, count]) => Array.from({ length: count }, () => String(value)));

describe('percentileOfCounts', () => {
  const cases: [number, number][][] = [
    [[100, 1], [200, 1], [400, 1]],
    [[5, 10]],
    [[1, 3], [2, 1], [1000, 2], [7, 5]],
    [[12, 1], [13, 0], [90, 4], [91, 1], [400, 7], [20_000, 1]],
  ];
  it.each(cases)('histogram %#: p50, p90, p95, p99, p0 and p100 as the domain computes them', (...histogram) => {
    for (const p of [0, 0.5, 0.9, 0.95, 0.99, 1]) {
      expect(percentileOfCounts(histogram, p)?.toString(), `p${p}`).toBe(percentile(expand(histogram), p)?.toString());
    }
  });
  it('is null for no values', () => {
    expect(percentileOfCounts([], 0.5)).toBeNull();
    expect(percentileOfCounts([[3, 0]], 0.5)).toBeNull();
  });
});
