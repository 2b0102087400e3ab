// One engagement (GET /api/v1/engagements/{id}, by id or code): the list's figures plus
// its ids in connected systems, billing plan, milestones and change orders with what each
// change touched.
import { db } from '../../db/client.ts';
import type { EngagementDetail } from '../../http/schemas/engagements.ts';
import { loadEngagementFinancials } from './engagement-financials.ts';
import { engagementTermsSelect, toBillingPlanView, toChangeOrderViews, toMilestoneViews } from './engagement-terms-view.ts';
import { engagementSummarySelect, toEngagementSummary } from './engagement-view.ts';
import { findEngagementId } from './find-engagement.ts';

export async function getEngagement(options: { ref: string }): Promise<EngagementDetail> {
  const { id } = await findEngagementId(options.ref);
  const row = await db().engagement.findUniqueOrThrow({ where: { id }, select: { ...engagementSummarySelect, ...engagementTermsSelect } });
  const changeOrderIds = row.changeOrders.map((co) => co.id);
  const [financials, externalRefs, amended] = await Promise.all([
    loadEngagementFinancials([row]),
    db().externalRef.findMany({ where: { entityType: 'Engagement', entityId: id }, orderBy: [{ system: 'asc' }, { createdAt: 'asc' }], select: { system: true, externalId: true } }),
    changeOrderIds.length
      ? db().lineageLink.findMany({
          where: { fromType: 'ChangeOrder', fromId: { in: changeOrderIds }, relation: 'AMENDED' },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { fromId: true, toType: true, toId: true },
        })
      : [],
  ]);
  const touched = new Map<string, { kind: (typeof amended)[number]['toType']; id: string }[]>();
  for (const link of amended) {
    const list = touched.get(link.fromId) ?? [];
    list.push({ kind: link.toType, id: link.toId });
    touched.set(link.fromId, list);
  }
  return {
    ...toEngagementSummary(row, financials.get(id)!),
    externalRefs,
    billingPlan: toBillingPlanView(row.billingPlan),
    milestones: toMilestoneViews(row.milestones),
    changeOrders: toChangeOrderViews(row.changeOrders, touched),
  };
}
