// Lineage of an amendment (DESIGN.md §9): the cause (a change order, or a newer quote
// version) → the new SOW version, the engagement (with the value delta), the billing plan
// and each milestone it created, changed or cancelled; the SOW is a version of the contract.
import { linkLineage, type LineageEdge } from '../../services/lineage/link-lineage.ts';
import type { Tx } from '../workflow.ts';
import type { AmendmentCause } from './amend-engagement.ts';
import type { TouchedMilestone } from './engagement-milestones.ts';

export async function linkAmendmentLineage(
  tx: Tx,
  options: {
    cause: AmendmentCause;
    engagementId: string;
    contractId: string;
    billingPlanId: string;
    sowVersionId: string;
    milestones: readonly TouchedMilestone[];
    valueDelta: string;
    currency: string;
    correlationId: string;
    eventId: string;
  },
): Promise<number> {
  const { cause, currency } = options;
  const common = { eventId: options.eventId, correlationId: options.correlationId };
  const from = { type: cause.type, id: cause.id } as const;
  const sow = { type: 'SowVersion', id: options.sowVersionId } as const;
  const edges: LineageEdge[] = [
    { ...common, from: { type: 'Contract', id: options.contractId }, to: sow, relation: 'HAS_VERSION' },
    { ...common, from, to: sow, relation: cause.type === 'QuoteVersion' ? 'ORIGINATED' : 'AMENDED' },
    { ...common, amount: options.valueDelta, currency, from, to: { type: 'Engagement', id: options.engagementId }, relation: 'AMENDED' },
    { ...common, from, to: { type: 'BillingPlan', id: options.billingPlanId }, relation: 'AMENDED' },
    ...options.milestones.map((m): LineageEdge => ({ ...common, amount: m.amount, currency, from, to: { type: 'Milestone', id: m.id }, relation: 'AMENDED' })),
    // A milestone a change order adds belongs to the plan like the quoted ones.
    ...options.milestones
      .filter((m) => m.change === 'created')
      .map((m): LineageEdge => ({ ...common, amount: m.amount, currency, from: { type: 'BillingPlan', id: options.billingPlanId }, to: { type: 'Milestone', id: m.id }, relation: 'CONTAINS' })),
  ];
  return linkLineage(tx, edges);
}
