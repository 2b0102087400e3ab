// What the approved change orders in force add to an engagement, so a newer quote version
// (a new baseline) keeps them on top instead of silently dropping them.
import { dec } from '../../domain/money/decimal.ts';
import type { Tx } from '../workflow.ts';

export interface ChangeOrderTotals {
  value: string;
  estimatedCost: string;
  budgetHours: string;
}

export async function approvedChangeOrderTotals(tx: Tx, engagementId: string): Promise<ChangeOrderTotals> {
  const totals = await tx.changeOrder.aggregate({
    where: { engagementId, status: 'APPROVED' },
    _sum: { valueDelta: true, estimatedCostDelta: true, budgetHoursDelta: true },
  });
  return {
    value: dec(totals._sum.valueDelta?.toString() ?? '0').toString(),
    estimatedCost: dec(totals._sum.estimatedCostDelta?.toString() ?? '0').toString(),
    budgetHours: dec(totals._sum.budgetHoursDelta?.toString() ?? '0').toString(),
  };
}

/** base + delta, or the fallback when the new baseline does not state the figure. */
export function onTop(base: string | null | undefined, delta: string, fallback: string | null): string | null {
  if (base === undefined || base === null) return fallback;
  return dec(base).plus(delta).toString();
}
