// Project activation cycle time (DESIGN.md §10): Engagement.activatedAt − quoteAcceptedAt,
// in days, for engagements activated in the period; median and p90 (linear interpolation,
// see percentile.ts). Engagements accepted but still waiting for activation are counted
// apart, with the oldest wait, because a median of finished ones hides those stuck.
import type { Decimal } from '../money/decimal.ts';
import { assertPeriod, before, daysBetween, inPeriod, type Period } from './kpi-period.ts';
import { maximum, mean } from './kpi-value.ts';
import { percentile } from './percentile.ts';

export interface ActivationEngagementRow {
  id: string;
  quoteAcceptedAt: Date | null;
  activatedAt: Date | null;
}

export interface ActivationCycleTime {
  activated: number;
  medianDays: Decimal | null;
  p90Days: Decimal | null;
  meanDays: Decimal | null;
  /** Accepted before asOf and not activated by then. */
  waiting: number;
  oldestWaitDays: Decimal | null;
}

export function activationCycleTime(options: { engagements: readonly ActivationEngagementRow[]; period: Period; asOf: Date }): ActivationCycleTime {
  const { engagements, period, asOf } = options;
  assertPeriod(period);
  const cycles: Decimal[] = [];
  const waits: Decimal[] = [];
  for (const engagement of engagements) {
    if (!engagement.quoteAcceptedAt) continue;
    if (inPeriod(engagement.activatedAt, period)) cycles.push(daysBetween(engagement.quoteAcceptedAt, engagement.activatedAt));
    else if (before(engagement.quoteAcceptedAt, asOf) && !before(engagement.activatedAt, asOf)) waits.push(daysBetween(engagement.quoteAcceptedAt, asOf));
  }
  return {
    activated: cycles.length,
    medianDays: percentile(cycles, 0.5),
    p90Days: percentile(cycles, 0.9),
    meanDays: mean(cycles),
    waiting: waits.length,
    oldestWaitDays: maximum(waits),
  };
}
