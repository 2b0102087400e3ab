// Applies an amendment to an engagement — an approved change order or a newer accepted
// quote version (DESIGN.md §6): milestones, value / estimated cost / budget hours, the
// billing plan (version + 1) and the revenue schedules' estimates, a new SOW version
// carrying the plan after the change (the previous one superseded), audit with before and
// after, lineage from the cause, and UPDATE_CONTRACT to the ERP. The caller has locked
// the engagement and validated the amendment.
import { dec } from '../../domain/money/decimal.ts';
import type { BillingPlanTerms } from '../../outbox/commands/update-contract.ts';
import { enqueueCommand } from '../../outbox/enqueue-command.ts';
import { writeAuditMany, type AuditActor } from '../../services/audit/write-audit.ts';
import type { Tx } from '../workflow.ts';
import { loadBillingPlanSnapshot } from './billing-plan-snapshot.ts';
import { linkAmendmentLineage } from './amendment-lineage.ts';
import { erpOrderingKey } from './engagement-commands.ts';
import { applyMilestonePlan, type TouchedMilestone } from './engagement-milestones.ts';
import type { MilestonePlan } from './milestone-changes.ts';

export interface AmendmentCause {
  type: 'ChangeOrder' | 'QuoteVersion';
  id: string;
  externalId: string;
  version: number;
  reason: string | null;
}

export interface EngagementFigures {
  value: string;
  estimatedCost: string | null;
  budgetHours: string | null;
}

export interface Amendment {
  engagementId: string;
  cause: AmendmentCause;
  figures: EngagementFigures;
  /** Other BillingPlan columns the cause sets (a quote version's terms). */
  planColumns?: Record<string, unknown>;
  milestones: MilestonePlan;
  effectiveAt: Date;
  /** Connector code of the ERP. */
  erp: string;
  audit: { actor: AuditActor; eventId: string; at: Date };
}

export interface AmendmentResult {
  figuresBefore: EngagementFigures;
  planBefore: BillingPlanTerms;
  planAfter: BillingPlanTerms;
  sowVersion: { id: string; version: number };
  milestones: TouchedMilestone[];
}

const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());

export async function amendEngagement(tx: Tx, amendment: Amendment): Promise<AmendmentResult> {
  const { engagementId, cause, figures, effectiveAt, erp } = amendment;
  const engagement = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, include: { billingPlan: true } });
  if (!engagement.contractId || !engagement.billingPlan) throw new Error(`Engagement ${engagement.code} has no contract or billing plan to amend.`);
  const figuresBefore = { value: engagement.value.toString(), estimatedCost: text(engagement.estimatedCost), budgetHours: text(engagement.budgetHours) };
  const planBefore = await loadBillingPlanSnapshot(tx, engagementId);

  const changeOrderId = cause.type === 'ChangeOrder' ? cause.id : null;
  const milestones = await applyMilestonePlan(tx, { engagementId, currency: engagement.currency, plan: amendment.milestones, changeOrderId });
  await tx.engagement.update({ where: { id: engagementId }, data: figures });
  await tx.billingPlan.update({
    where: { id: engagement.billingPlan.id },
    data: { ...amendment.planColumns, version: { increment: 1 }, contractValue: figures.value, estimatedTotalCost: figures.estimatedCost },
  });
  // Revenue re-estimates from the new figures (cost-to-cost uses the estimate in force).
  await tx.revenueSchedule.updateMany({ where: { engagementId, treatment: engagement.billingPlan.revenueTreatment }, data: { totalValue: figures.value, estimatedTotalCost: figures.estimatedCost } });
  const planAfter = await loadBillingPlanSnapshot(tx, engagementId);

  const last = await tx.sowVersion.aggregate({ where: { contractId: engagement.contractId }, _max: { version: true } });
  const version = (last._max.version ?? 0) + 1;
  await tx.sowVersion.updateMany({ where: { contractId: engagement.contractId, supersededAt: null }, data: { supersededAt: effectiveAt } });
  const sow = await tx.sowVersion.create({
    data: {
      contractId: engagement.contractId,
      version,
      quoteVersionId: cause.type === 'QuoteVersion' ? cause.id : null,
      changeOrderId,
      billingModel: planAfter.model,
      currency: engagement.currency,
      totalValue: figures.value,
      estimatedCost: figures.estimatedCost,
      budgetHours: figures.budgetHours,
      billingPlanSnapshot: planAfter,
      effectiveAt,
    },
    select: { id: true },
  });
  await tx.contract.update({ where: { id: engagement.contractId }, data: { currentVersion: version, totalValue: figures.value } });

  const { actor, eventId, at } = amendment.audit;
  const common = { actor, eventId, at, correlationId: engagement.correlationId };
  const because = { cause: { type: cause.type, id: cause.id, externalId: cause.externalId, version: cause.version }, sowVersion: version };
  await writeAuditMany(tx, [
    { ...common, entityType: 'Engagement', entityId: engagementId, action: 'engagement.amended', before: figuresBefore, after: { ...figures, ...because } },
    { ...common, entityType: 'BillingPlan', entityId: engagement.billingPlan.id, action: 'billing_plan.amended', before: planBefore, after: { ...planAfter, ...because } },
  ]);
  const valueDelta = dec(figures.value).minus(figuresBefore.value).toString();
  await linkAmendmentLineage(tx, { cause, engagementId, contractId: engagement.contractId, billingPlanId: engagement.billingPlan.id, sowVersionId: sow.id, milestones, valueDelta, currency: engagement.currency, correlationId: engagement.correlationId, eventId });

  await enqueueCommand(tx, {
    connectorCode: erp,
    kind: 'UPDATE_CONTRACT',
    idempotencyKey: `${erp}:update-contract:${cause.type === 'ChangeOrder' ? 'change-order' : 'quote-version'}:${cause.id}`,
    orderingKey: erpOrderingKey(erp, engagement.clientId),
    heldAmount: dec(valueDelta).isZero() ? null : { amount: dec(valueDelta).abs().toString(), currency: engagement.currency },
    correlationId: engagement.correlationId,
    entityType: 'Engagement',
    entityId: engagementId,
    causedByEventId: eventId,
    payload: {
      engagementId,
      engagementCode: engagement.code,
      contractId: engagement.contractId,
      correlationId: engagement.correlationId,
      sowVersion: version,
      currency: engagement.currency,
      contractValue: figures.value,
      estimatedCost: figures.estimatedCost,
      budgetHours: figures.budgetHours,
      billingPlan: planAfter,
      cause: { type: cause.type, id: cause.id, externalId: cause.externalId, version: cause.version, reason: cause.reason },
    },
  });
  return { figuresBefore, planBefore, planAfter, sowVersion: { id: sow.id, version }, milestones };
}
