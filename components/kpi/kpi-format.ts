// How a KPI reads on the dashboard: its value in its unit (money grouped per currency as
// exact text, ratios as percentages, days, durations, counts), and how it moved since the
// previous period — with whether that is good news, since for DSO or leakage down is good.
// Differences are exact decimals (decimal.js): no float ever touches an amount.
import { dec } from '@/lib/domain/money/decimal';
import type { KpiFigure } from '@/lib/http/schemas/kpis';
import { formatAmount, formatCount, formatDuration } from '@/components/ui/format-number';

export const NO_VALUE = '—';

type Unit = KpiFigure['unit'];

/** KPIs where a higher figure is better; every other one is better lower. */
const HIGHER_IS_BETTER: ReadonlySet<string> = new Set([
  'billedAndCollected', 'collected', 'invoiceTimeliness', 'margin', 'cashApplicationAccuracy', 'utilization', 'eventSuccessRate', 'throughput',
]);

const trimmed = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

export function formatKpiValue(value: string | null, unit: Unit, currency?: string): string {
  if (value === null) return NO_VALUE;
  switch (unit) {
    case 'money':
      return currency ? `${formatAmount(value)} ${currency}` : formatAmount(value);
    case 'ratio':
      return `${trimmed(dec(value).times(100).toFixed(1))}%`;
    case 'days':
      return `${formatAmount(dec(value).toFixed(1), 1)} days`;
    case 'hours':
      return `${formatAmount(dec(value).toFixed(1), 1)} h`;
    case 'ms':
      return formatDuration(Number(value));
    case 'count':
      return formatCount(Number(value));
    case 'events_per_second':
      return `${trimmed(dec(value).times(60).toSignificantDigits(3).toFixed())}/min`;
  }
}

export type Trend = 'up' | 'down' | 'flat';
export type Verdict = 'better' | 'worse' | 'same' | 'unknown';

export interface KpiChange {
  trend: Trend;
  verdict: Verdict;
  /** "+3.2 days", "−1.5 pts", "+1,200.00 USD"; null when either side is "—". */
  delta: string | null;
  /** What people read: "up 3.2 days from 54.8 days". */
  sentence: string;
}

function formatDelta(diff: ReturnType<typeof dec>, unit: Unit, currency?: string): string {
  const sign = diff.isNegative() ? '−' : '+';
  const size = diff.abs();
  if (unit === 'ratio') return `${sign}${trimmed(size.times(100).toFixed(1))} pts`;
  return `${sign}${formatKpiValue(size.toString(), unit, currency)}`;
}

export function compareKpi(key: string, current: string | null, previous: string | null | undefined, unit: Unit, currency?: string): KpiChange {
  if (current === null || previous === null || previous === undefined) {
    return { trend: 'flat', verdict: 'unknown', delta: null, sentence: previous === undefined ? 'no previous period' : `previous period ${formatKpiValue(previous, unit, currency)}` };
  }
  const diff = dec(current).minus(dec(previous));
  const was = formatKpiValue(previous, unit, currency);
  if (diff.isZero()) return { trend: 'flat', verdict: 'same', delta: formatDelta(diff, unit, currency).replace(/^[+−]/, '±'), sentence: `unchanged from ${was}` };
  const trend: Trend = diff.isPositive() ? 'up' : 'down';
  const better = HIGHER_IS_BETTER.has(key) === (trend === 'up');
  const delta = formatDelta(diff, unit, currency);
  return { trend, verdict: better ? 'better' : 'worse', delta, sentence: `${trend} ${delta.slice(1)} from ${was}` };
}

/** A series value for a chart's geometry only (never shown as text: the labels use formatKpiValue). */
export function plotValue(value: string | null, unit: Unit): number | null {
  if (value === null) return null;
  return unit === 'ratio' ? Number(value) * 100 : Number(value);
}
