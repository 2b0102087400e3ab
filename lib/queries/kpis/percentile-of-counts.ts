// Percentiles from a histogram of exact values (value → how many times it occurs), with the
// same linear interpolation between closest ranks as lib/domain/kpis/percentile.ts (type 7):
// latencies are whole milliseconds, so counting each value in SQL (one hash aggregate) and
// interpolating here gives exactly the figure sorting every event would. (Belongs next to
// percentile.ts in lib/domain/kpis; kept here until that folder can take it.)
import { Decimal, dec } from '../../domain/money/decimal.ts';

export function percentileOfCounts(histogram: readonly (readonly [value: number, count: number])[], p: number): Decimal | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A percentile is between 0 and 1, got ${p}`);
  const sorted = [...histogram].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((total, [, count]) => total + count, 0);
  if (n === 0) return null;
  const position = new Decimal(p).times(n - 1);
  const lower = position.floor().toNumber();
  const weight = position.minus(lower);
  const low = dec(valueAtRank(sorted, lower));
  const high = dec(valueAtRank(sorted, Math.min(lower + 1, n - 1)));
  return low.plus(high.minus(low).times(weight));
}

/** The value at 0-based rank `rank` of the expanded, sorted list. */
function valueAtRank(sorted: readonly (readonly [number, number])[], rank: number): number {
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (rank < seen) return value;
  }
  return sorted[sorted.length - 1]![0];
}
