// Decides what an approved change-order version does to its engagement, before anything
// is written. A version carries the whole change order: it replaces the version in force
// (its deltas are taken back, the new ones applied; milestones only the old version added
// are cancelled) rather than adding to it. Fixed fee stays consistent: the milestones not
// cancelled must sum to the new value (MILESTONE_VALUE_MISMATCH otherwise).
import type { ChangeOrder, Engagement } from '../../db/generated/client.ts';
import { compareDecimalStrings } from '../../domain/money/decimal-string.ts';
import { dec } from '../../domain/money/decimal.ts';
import type { ChangeOrderApprovedData } from '../../ingest/schemas/change-order-approved.ts';
import type { EngagementFigures } from './amend-engagement.ts';
import { planMilestoneChanges, type CurrentMilestone, type MilestonePlan } from './milestone-changes.ts';

export type ChangeOrderDecision =
  | { ok: true; figures: EngagementFigures; milestones: MilestonePlan }
  | { ok: false; code: 'UNKNOWN_MILESTONE' | 'MILESTONE_VALUE_MISMATCH' | 'QUOTE_CONTRACT_VALUE_MISMATCH'; problem: string; details: Record<string, unknown> };

/** What the change order stored about milestones (milestoneChanges JSON). */
export interface StoredMilestoneChanges {
  added: { ref: string }[];
}

const minus = (a: { toString(): string } | null, b: { toString(): string } | null | undefined) => dec(a?.toString() ?? '0').minus(b?.toString() ?? '0');

export function planChangeOrder(options: {
  data: ChangeOrderApprovedData;
  engagement: Pick<Engagement, 'value' | 'estimatedCost' | 'budgetHours'>;
  billingModel: string;
  inForce: Pick<ChangeOrder, 'valueDelta' | 'estimatedCostDelta' | 'budgetHoursDelta' | 'milestoneChanges'> | null;
  milestones: readonly CurrentMilestone[];
}): ChangeOrderDecision {
  const { data, engagement, inForce } = options;
  const value = minus(engagement.value, inForce?.valueDelta).plus(data.valueDelta);
  if (value.isNegative()) {
    return { ok: false, code: 'QUOTE_CONTRACT_VALUE_MISMATCH', problem: `the contract value would become ${value.toString()}`, details: { valueDelta: data.valueDelta } };
  }
  // A figure the engagement never had starts from zero when a change order sets it.
  const figure = (current: { toString(): string } | null, previous: { toString(): string } | undefined, delta: string) =>
    current === null && dec(delta).isZero() ? null : minus(current, previous).plus(delta).toString();
  const figures = {
    value: value.toString(),
    estimatedCost: figure(engagement.estimatedCost, inForce?.estimatedCostDelta, data.estimatedCostDelta),
    budgetHours: figure(engagement.budgetHours, inForce?.budgetHoursDelta, data.budgetHoursDelta),
  };

  const added = (data.milestonesAdded ?? []).map((m) => ({ ref: m.ref, name: m.name, amount: m.amount, dueDate: m.dueDate ?? null }));
  const readded = new Set(added.map((m) => m.ref));
  const previouslyAdded = ((inForce?.milestoneChanges as StoredMilestoneChanges | null)?.added ?? []).map((m) => m.ref);
  const planned = planMilestoneChanges({ current: options.milestones, added, changed: data.milestonesChanged ?? [], cancelRefs: previouslyAdded.filter((ref) => !readded.has(ref)) });
  if (!planned.ok) return { ok: false, code: planned.code, problem: planned.problem, details: { refs: planned.refs } };
  if (options.billingModel === 'FIXED_FEE_MILESTONE' && compareDecimalStrings(planned.plan.activeTotal, figures.value) !== 0) {
    return {
      ok: false,
      code: 'MILESTONE_VALUE_MISMATCH',
      problem: `milestones would sum to ${planned.plan.activeTotal}, the contract value to ${figures.value}`,
      details: { milestonesTotal: planned.plan.activeTotal, contractValue: figures.value },
    };
  }
  return { ok: true, figures, milestones: planned.plan };
}
