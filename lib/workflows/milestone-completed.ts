// q2c.milestone.completed.v1 (DESIGN.md §6): the PSA reports a fixed-fee milestone done.
// The completion, the project manager's approval and the evidence (with SHA-256) are
// recorded whatever is missing; the milestone becomes BILLABLE only with all three. When
// approval or evidence is missing, MILESTONE_MISSING_EVIDENCE (DATA_FIX, impact = the
// milestone amount) is raised and billing waits; a later event that brings them makes it
// billable and resolves the exception. Approval once given is never erased by a later
// event without it. Unknown engagement or milestone: UNKNOWN_MILESTONE holds the event.
import type { MilestoneCompletedData } from '../ingest/schemas/milestone-completed.ts';
import { isMilestoneBillable } from '../domain/billing/is-milestone-billable.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { resolveExceptionBySystem } from '../services/exceptions/resolve-by-system.ts';
import { linkLineage } from '../services/lineage/link-lineage.ts';
import { findDeliveryEngagement } from './delivery/find-engagement.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const MILESTONE_COMPLETED_V1 = 'q2c.milestone.completed.v1';

export const milestoneCompletedWorkflow: Workflow<MilestoneCompletedData> = {
  type: MILESTONE_COMPLETED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const unknown = (what: string, legalEntityId?: string) =>
      new WorkflowHold({ code: 'UNKNOWN_MILESTONE', entityType: 'Milestone', entityId: `${data.engagementRef}:${data.milestoneRef}`, legalEntityId, title: what, details: { engagementRef: data.engagementRef, milestoneRef: data.milestoneRef, system: sender.system } });

    const engagement = await findDeliveryEngagement(tx, { system: sender.system, engagementRef: data.engagementRef });
    if (!engagement) throw unknown(`Milestone ${data.milestoneRef} reported for engagement "${data.engagementRef}", which does not resolve`);
    // Locked: a completion and its evidence arriving together must not both decide the status.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Milestone" WHERE "engagementId" = ${engagement.id}::uuid AND ref = ${data.milestoneRef} FOR UPDATE`;
    if (!locked) throw unknown(`Milestone ${data.milestoneRef} is not on the billing plan of ${engagement.code}`, engagement.legalEntityId);
    const milestone = await tx.milestone.findUniqueOrThrow({ where: { id: locked.id }, include: { evidence: { select: { sha256: true } } } });
    if (milestone.status === 'CANCELLED') return { status: 'ignored', note: `Milestone ${data.milestoneRef} of ${engagement.code} is cancelled.` };

    const evidence = data.evidence ?? [];
    const added = evidence.length === 0 ? 0 : (await tx.milestoneEvidence.createMany({ data: evidence.map((e) => ({ milestoneId: milestone.id, uri: e.uri, sha256: e.sha256, eventId: event.inboxEventId })), skipDuplicates: true })).count;
    const invoiced = milestone.invoiceLineId !== null || milestone.status === 'INVOICED';
    const completedAt = invoiced && milestone.completedAt ? milestone.completedAt : new Date(data.completedAt);
    const approvedBy = milestone.approvedBy ?? data.approvedBy ?? null;
    const approvedAt = milestone.approvedAt ?? (approvedBy ? (event.time ?? now) : null);
    const allEvidence = [...milestone.evidence, ...evidence];
    const billability = isMilestoneBillable({ status: milestone.status, completedOn: completedAt.toISOString().slice(0, 10), approvedBy, evidence: allEvidence });
    const status = invoiced ? milestone.status : billability.billable ? 'BILLABLE' : 'COMPLETED';
    const billableAt = milestone.billableAt ?? (billability.billable ? (event.time ?? now) : null);

    const before = { status: milestone.status, completedAt: milestone.completedAt, approvedBy: milestone.approvedBy, evidence: milestone.evidence.length };
    const after = { status, completedAt, approvedBy, evidence: milestone.evidence.length + added };
    const changed = added > 0 || before.status !== after.status || before.completedAt?.getTime() !== completedAt.getTime() || before.approvedBy !== approvedBy;
    if (!changed) return { status: 'applied', note: 'No change.' };

    await tx.milestone.update({ where: { id: milestone.id }, data: { status, completedAt, approvedBy, approvedAt, billableAt } });
    await writeAudit(tx, { actor: sender.actor, entityType: 'Milestone', entityId: milestone.id, action: billability.billable ? 'milestone.billable' : 'milestone.completed', before, after, correlationId: engagement.correlationId, eventId: event.inboxEventId, at: now });
    await linkLineage(tx, [{ from: { type: 'Engagement', id: engagement.id }, to: { type: 'Milestone', id: milestone.id }, relation: 'CONTAINS', amount: milestone.amount.toString(), currency: milestone.currency, eventId: event.inboxEventId, correlationId: engagement.correlationId }]);

    const exceptionKey = { code: 'MILESTONE_MISSING_EVIDENCE' as const, entityType: 'Milestone' as const, entityId: milestone.id };
    if (billability.billable) {
      await resolveExceptionBySystem(tx, { ...exceptionKey, resolution: `Milestone ${milestone.ref} now has its approval and evidence; it is billable.`, now });
      return { status: 'applied', note: `Milestone ${milestone.ref} is billable.` };
    }
    const missing = billability.reasons.filter((r) => r === 'MISSING_APPROVAL' || r === 'MILESTONE_MISSING_EVIDENCE');
    await raiseException(tx, {
      ...exceptionKey,
      correlationId: engagement.correlationId,
      legalEntityId: engagement.legalEntityId,
      title: `Milestone ${milestone.ref} of ${engagement.code} completed without ${missing.map((m) => (m === 'MISSING_APPROVAL' ? 'PM approval' : 'evidence')).join(' and ')}`,
      impact: { amount: milestone.amount.toString(), currency: milestone.currency, date: completedAt },
      details: { missing, milestoneRef: milestone.ref, engagementCode: engagement.code },
      inboxEventId: event.inboxEventId,
      raisedBy: 'worker',
      now,
    });
    return { status: 'applied', note: `Milestone ${milestone.ref} recorded as completed; waiting for ${missing.join(', ')}.` };
  },
};
