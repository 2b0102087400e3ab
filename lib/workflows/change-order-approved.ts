// q2c.change_order.approved.v1 (DESIGN.md §5, §6): an approved change to a quote's
// engagement. Every version is kept (ChangeOrder per changeOrderId and version; the one
// it replaces becomes SUPERSEDED), with the value, estimated cost, budget hours and billing
// plan before and after; the engagement, milestones and billing plan are amended, a new
// SOW version written, UPDATE_CONTRACT queued for the ERP, audit and lineage recorded.
// Which invoices and revenue a change touched is answered by the read side from this
// row and its lineage. A change order whose quote has no engagement yet waits: it is held
// under one OUT_OF_ORDER_GAP exception on the quote and requeued automatically when the
// quote is accepted (it usually just arrived first). The engagement row lock serialises
// change orders of one engagement; a repeat of an applied version changes nothing.
import type { Prisma } from '../db/client.ts';
import type { ChangeOrderApprovedData } from '../ingest/schemas/change-order-approved.ts';
import { dec } from '../domain/money/decimal.ts';
import { toJsonSafe } from '../services/audit/to-json-safe.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { linkLineage } from '../services/lineage/link-lineage.ts';
import { amendEngagement } from './commercial/amend-engagement.ts';
import { planChangeOrder } from './commercial/change-order-plan.ts';
import { requireCommandTarget } from './commercial/command-targets.ts';
import { loadMilestones, lockEngagement } from './commercial/engagement-milestones.ts';
import { findQuoteForChange } from './commercial/find-quote.ts';
import { waitingForQuoteKey } from './commercial/release-waiting-change-orders.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const CHANGE_ORDER_APPROVED_V1 = 'q2c.change_order.approved.v1';

export const changeOrderApprovedWorkflow: Workflow<ChangeOrderApprovedData> = {
  type: CHANGE_ORDER_APPROVED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const label = `Change order ${data.changeOrderId} v${data.version}`;

    const quote = await findQuoteForChange(tx, sender.system, data.quoteId);
    if (!quote) {
      throw new WorkflowHold({
        ...waitingForQuoteKey(data.quoteId),
        title: `${label} waits for quote ${data.quoteId}, which has no engagement yet`,
        details: { reason: 'QUOTE_NOT_ACCEPTED_YET', changeOrderId: data.changeOrderId, version: data.version, valueDelta: data.valueDelta },
      });
    }
    await lockEngagement(tx, quote.engagementId);
    const versions = await tx.changeOrder.findMany({ where: { sourceSystem: sender.system, externalId: data.changeOrderId }, orderBy: { version: 'desc' } });
    if (versions.some((v) => v.version === data.version)) return { status: 'applied', note: `${label} is already applied; nothing to do.` };
    if (versions[0] && versions[0].version > data.version) {
      return { status: 'ignored', note: `${label} is older than the applied v${versions[0].version}: superseded, not applied.` };
    }
    const inForce = versions.find((v) => v.status === 'APPROVED') ?? null;

    const engagement = await tx.engagement.findUniqueOrThrow({ where: { id: quote.engagementId }, include: { billingPlan: { select: { model: true } } } });
    const approvedAt = new Date(data.approvedAt);
    const impact = { amount: dec(data.valueDelta).abs().toString(), currency: engagement.currency, date: approvedAt };
    const decision = planChangeOrder({ data, engagement, billingModel: engagement.billingPlan?.model ?? '', inForce, milestones: await loadMilestones(tx, engagement.id) });
    if (!decision.ok) {
      throw new WorkflowHold({
        code: decision.code,
        entityType: 'ChangeOrder',
        entityId: data.changeOrderId,
        title: `${label} on ${engagement.code}: ${decision.problem}`,
        impact,
        legalEntityId: engagement.legalEntityId,
        details: { ...decision.details, engagementCode: engagement.code, changeOrderId: data.changeOrderId, version: data.version },
      });
    }
    const erp = await requireCommandTarget(tx, 'ERP', { about: label, impact, legalEntityId: engagement.legalEntityId });

    if (inForce) await tx.changeOrder.update({ where: { id: inForce.id }, data: { status: 'SUPERSEDED' } });
    const milestoneChanges = { added: data.milestonesAdded ?? [], changed: data.milestonesChanged ?? [] };
    const json = (value: unknown) => toJsonSafe(value) as Prisma.InputJsonObject;
    const row = await tx.changeOrder.create({
      data: {
        sourceSystem: sender.system,
        externalId: data.changeOrderId,
        version: data.version,
        engagementId: engagement.id,
        contractId: engagement.contractId,
        quoteId: quote.id,
        currency: engagement.currency,
        valueDelta: data.valueDelta,
        estimatedCostDelta: data.estimatedCostDelta,
        budgetHoursDelta: data.budgetHoursDelta,
        valueBefore: engagement.value,
        valueAfter: decision.figures.value,
        estimatedCostBefore: engagement.estimatedCost,
        estimatedCostAfter: decision.figures.estimatedCost,
        budgetHoursBefore: engagement.budgetHours,
        budgetHoursAfter: decision.figures.budgetHours,
        billingPlanBefore: {},
        billingPlanAfter: {},
        milestoneChanges: json(milestoneChanges),
        reason: data.reason,
        approvedAt,
      },
      select: { id: true },
    });
    const audit = { actor: sender.actor, eventId: event.inboxEventId, at: now };
    const amended = await amendEngagement(tx, {
      engagementId: engagement.id,
      cause: { type: 'ChangeOrder', id: row.id, externalId: data.changeOrderId, version: data.version, reason: data.reason },
      figures: decision.figures,
      milestones: decision.milestones,
      effectiveAt: approvedAt,
      erp,
      audit,
    });
    const applied = amended.milestones.map((m) => ({ ref: m.ref, change: m.change, amount: m.amount }));
    await tx.changeOrder.update({ where: { id: row.id }, data: { billingPlanBefore: amended.planBefore, billingPlanAfter: amended.planAfter, milestoneChanges: json({ ...milestoneChanges, applied }) } });

    await writeAudit(tx, {
      ...audit,
      correlationId: engagement.correlationId,
      entityType: 'ChangeOrder',
      entityId: row.id,
      action: 'change_order.approved',
      before: { ...amended.figuresBefore, ...(inForce ? { supersedes: { id: inForce.id, version: inForce.version } } : {}) },
      after: { ...decision.figures, changeOrderId: data.changeOrderId, version: data.version, engagementCode: engagement.code, milestones: applied, sowVersion: amended.sowVersion.version, reason: data.reason },
    });
    if (inForce) {
      await linkLineage(tx, [{ from: { type: 'ChangeOrder', id: row.id }, to: { type: 'ChangeOrder', id: inForce.id }, relation: 'SUPERSEDES', eventId: event.inboxEventId, correlationId: engagement.correlationId }]);
    }
    return {
      status: 'applied',
      note: `${label} applied to ${engagement.code}: value ${amended.figuresBefore.value} → ${decision.figures.value} ${engagement.currency}, SOW version ${amended.sowVersion.version}${inForce ? `, supersedes v${inForce.version}` : ''}.`,
    };
  },
};
