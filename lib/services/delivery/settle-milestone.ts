// Decides and records a milestone's state after something about it changed (completion,
// PM approval, evidence) — the one place that does it, for the PSA's
// q2c.milestone.completed.v1 and for a person attaching evidence in the console. Billable
// only when completed, approved and evidenced (domain isMilestoneBillable); an invoiced
// milestone keeps its status. Writes the milestone, its audit and lineage, and resolves or
// raises MILESTONE_MISSING_EVIDENCE (impact = the milestone amount). The caller has locked
// the milestone row and added any new evidence.
import type { Milestone } from '../../db/generated/client.ts';
import type { MilestoneStatus } from '../../db/generated/enums.ts';
import { isMilestoneBillable, type MilestoneBlock } from '../../domain/billing/is-milestone-billable.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import { resolveExceptionBySystem } from '../exceptions/resolve-by-system.ts';
import { linkLineage } from '../lineage/link-lineage.ts';

export interface SettleMilestoneInput {
  /** The row as it was before this change, with the sha256 of its evidence before it. */
  milestone: Milestone & { evidence: readonly { sha256: string }[] };
  engagement: { id: string; code: string; correlationId: string; legalEntityId: string };
  /** Evidence added by this change (already inserted), and how many rows were new. */
  newEvidence: readonly { sha256: string }[];
  added: number;
  completedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** When the change happened in the business (the event's time); billableAt takes it. */
  at: Date;
  actor: AuditActor;
  eventId: string | null;
  /** Who resolves the exception when it becomes billable (a user id; default the worker). */
  resolvedBy?: string;
  raisedBy: string;
  now: Date;
}

export type SettledMilestone =
  | { outcome: 'unchanged'; status: MilestoneStatus }
  | { outcome: 'billable'; status: MilestoneStatus }
  | { outcome: 'waiting'; status: MilestoneStatus; missing: MilestoneBlock[] };

export async function settleMilestone(tx: Tx, input: SettleMilestoneInput): Promise<SettledMilestone> {
  const { milestone, engagement, added, completedAt, approvedBy, approvedAt, at, actor, eventId, now } = input;
  const invoiced = milestone.invoiceLineId !== null || milestone.status === 'INVOICED';
  const billability = isMilestoneBillable({ status: milestone.status, completedOn: completedAt.toISOString().slice(0, 10), approvedBy, evidence: [...milestone.evidence, ...input.newEvidence] });
  const status = invoiced ? milestone.status : billability.billable ? 'BILLABLE' : 'COMPLETED';
  const billableAt = milestone.billableAt ?? (billability.billable ? at : null);

  const before = { status: milestone.status, completedAt: milestone.completedAt, approvedBy: milestone.approvedBy, evidence: milestone.evidence.length };
  const after = { status, completedAt, approvedBy, evidence: milestone.evidence.length + added };
  const changed = added > 0 || before.status !== after.status || before.completedAt?.getTime() !== completedAt.getTime() || before.approvedBy !== approvedBy;
  if (!changed) return { outcome: 'unchanged', status };

  await tx.milestone.update({ where: { id: milestone.id }, data: { status, completedAt, approvedBy, approvedAt, billableAt } });
  await writeAudit(tx, { actor, entityType: 'Milestone', entityId: milestone.id, action: billability.billable ? 'milestone.billable' : 'milestone.completed', before, after, correlationId: engagement.correlationId, eventId, at: now });
  await linkLineage(tx, [{ from: { type: 'Engagement', id: engagement.id }, to: { type: 'Milestone', id: milestone.id }, relation: 'CONTAINS', amount: milestone.amount.toString(), currency: milestone.currency, eventId, correlationId: engagement.correlationId }]);

  const exceptionKey = { code: 'MILESTONE_MISSING_EVIDENCE' as const, entityType: 'Milestone' as const, entityId: milestone.id };
  if (billability.billable) {
    await resolveExceptionBySystem(tx, { ...exceptionKey, resolution: `Milestone ${milestone.ref} now has its approval and evidence; it is billable.`, now, actorId: input.resolvedBy });
    return { outcome: 'billable', status };
  }
  const missing = billability.reasons.filter((r) => r === 'MISSING_APPROVAL' || r === 'MILESTONE_MISSING_EVIDENCE');
  await raiseException(tx, {
    ...exceptionKey,
    correlationId: engagement.correlationId,
    legalEntityId: engagement.legalEntityId,
    title: `Milestone ${milestone.ref} of ${engagement.code} completed without ${missing.map((m) => (m === 'MISSING_APPROVAL' ? 'PM approval' : 'evidence')).join(' and ')}`,
    impact: { amount: milestone.amount.toString(), currency: milestone.currency, date: completedAt },
    details: { missing, milestoneRef: milestone.ref, engagementCode: engagement.code },
    inboxEventId: eventId,
    raisedBy: input.raisedBy,
    now,
  });
  return { outcome: 'waiting', status, missing };
}
