// Percentiles for latency and cycle-time KPIs. Default: linear interpolation between the
// closest ranks (Hyndman–Fan type 7) — what PostgreSQL's percentile_cont, Excel's
// PERCENTILE.INC and NumPy's default compute — so a figure computed here matches one
// computed in SQL (the connectors page uses percentile_cont). 'nearest-rank' is offered for
// SLO reports that must quote an observed value: the ⌈p·N⌉-th smallest.
import { Decimal, dec, type DecimalInput } from '../money/decimal.ts';

export type PercentileMethod = 'linear' | 'nearest-rank';

/** p in [0, 1] (0.95 for p95). Null for no values. */
export function percentile(values: readonly DecimalInput[], p: number, method: PercentileMethod = 'linear'): Decimal | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A percentile is between 0 and 1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = values.map(dec).sort((a, b) => a.comparedTo(b));
  const fraction = new Decimal(p);
  if (method === 'nearest-rank') {
    const rank = Math.max(1, fraction.times(sorted.length).ceil().toNumber());
    return sorted[rank - 1]!;
  }
  const position = fraction.times(sorted.length - 1);
  const lower = position.floor().toNumber();
  const weight = position.minus(lower);
  const low = sorted[lower]!;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return low.plus(high.minus(low).times(weight));
}
