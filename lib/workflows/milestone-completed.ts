// q2c.milestone.completed.v1 (DESIGN.md §6): the PSA reports a fixed-fee milestone done.
// The completion, the project manager's approval and the evidence (with SHA-256) are
// recorded whatever is missing; the milestone becomes BILLABLE only with all three. When
// approval or evidence is missing, MILESTONE_MISSING_EVIDENCE (DATA_FIX, impact = the
// milestone amount) is raised and billing waits; a later event that brings them makes it
// billable and resolves the exception (services/delivery/settle-milestone.ts, shared with
// the console's evidence upload). Approval once given is never erased by a later event
// without it. Unknown engagement or milestone: UNKNOWN_MILESTONE holds the event.
import type { MilestoneCompletedData } from '../ingest/schemas/milestone-completed.ts';
import { settleMilestone } from '../services/delivery/settle-milestone.ts';
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
    const settled = await settleMilestone(tx, {
      milestone,
      engagement,
      newEvidence: evidence,
      added,
      completedAt,
      approvedBy,
      approvedAt,
      at: event.time ?? now,
      actor: sender.actor,
      eventId: event.inboxEventId,
      raisedBy: 'worker',
      now,
    });
    if (settled.outcome === 'unchanged') return { status: 'applied', note: 'No change.' };
    if (settled.outcome === 'billable') return { status: 'applied', note: `Milestone ${milestone.ref} is billable.` };
    return { status: 'applied', note: `Milestone ${milestone.ref} recorded as completed; waiting for ${settled.missing.join(', ')}.` };
  },
};
