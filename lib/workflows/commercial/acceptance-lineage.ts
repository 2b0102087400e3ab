// Lineage of a first acceptance (DESIGN.md §9): Quote → QuoteVersion → Contract →
// Engagement → BillingPlan → Milestones, the SOW as a version of the contract that the
// quote version originated, and the client when the quote created it. Amounts on the
// edges are the contract value and each milestone's amount.
import { linkLineage, type LineageEdge } from '../../services/lineage/link-lineage.ts';
import type { Tx } from '../workflow.ts';
import type { CreatedEngagement } from './create-engagement.ts';

export async function linkAcceptanceLineage(
  tx: Tx,
  options: { quoteId: string; quoteVersionId: string; clientId: string | null; engagement: CreatedEngagement; currency: string; contractValue: string; eventId: string },
): Promise<number> {
  const { quoteId, quoteVersionId, clientId, engagement, currency, contractValue, eventId } = options;
  const common = { eventId, correlationId: engagement.correlationId };
  const value = { amount: contractValue, currency };
  const quoteVersion = { type: 'QuoteVersion', id: quoteVersionId } as const;
  const contract = { type: 'Contract', id: engagement.contractId } as const;
  const node = { type: 'Engagement', id: engagement.id } as const;
  const plan = { type: 'BillingPlan', id: engagement.billingPlanId } as const;
  const edges: LineageEdge[] = [
    { ...common, from: { type: 'Quote', id: quoteId }, to: quoteVersion, relation: 'HAS_VERSION' },
    { ...common, ...value, from: quoteVersion, to: contract, relation: 'ORIGINATED' },
    { ...common, from: contract, to: { type: 'SowVersion', id: engagement.sowVersionId }, relation: 'HAS_VERSION' },
    { ...common, ...value, from: quoteVersion, to: { type: 'SowVersion', id: engagement.sowVersionId }, relation: 'ORIGINATED' },
    { ...common, ...value, from: contract, to: node, relation: 'ORIGINATED' },
    { ...common, ...value, from: node, to: plan, relation: 'CONTAINS' },
    ...engagement.milestones.map((m): LineageEdge => ({ ...common, amount: m.amount, currency, from: plan, to: { type: 'Milestone', id: m.id }, relation: 'CONTAINS' })),
  ];
  if (clientId) edges.push({ ...common, from: quoteVersion, to: { type: 'Client', id: clientId }, relation: 'ORIGINATED' });
  return linkLineage(tx, edges);
}
