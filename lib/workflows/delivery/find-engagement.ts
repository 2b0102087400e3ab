// The engagement a delivery event names (engagementRef: code, id, or the sender's own
// project id through the crosswalk), with what the delivery workflows need of it and its
// billing plan. null when it does not resolve: each workflow holds with its own code.
import { resolveEngagementRef } from '../../services/crosswalk/resolve-engagement-ref.ts';
import type { Tx } from '../workflow.ts';

export async function findDeliveryEngagement(tx: Tx, options: { system: string; engagementRef: string }) {
  const id = await resolveEngagementRef(tx, options);
  if (!id) return null;
  return tx.engagement.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      correlationId: true,
      currency: true,
      legalEntityId: true,
      status: true,
      billingPlan: { select: { id: true, model: true, revenueTreatment: true, contractRateCardId: true, standardRateCardId: true } },
    },
  });
}

export type DeliveryEngagement = NonNullable<Awaited<ReturnType<typeof findDeliveryEngagement>>>;
