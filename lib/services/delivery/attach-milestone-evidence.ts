// A delivery lead attaches evidence (where the document is and its SHA-256) to a completed
// milestone from the console or the API — the person's path next to the PSA's
// q2c.milestone.completed.v1. Locks the milestone, records the evidence once per hash, and
// re-evaluates billability exactly as the workflow does (settle-milestone.ts), all in one
// transaction and audited with the person as actor. The same hash again is "already done".
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { MilestoneStatus } from '../../db/generated/enums.ts';
import { settleMilestone } from './settle-milestone.ts';

export interface AttachMilestoneEvidenceInput {
  milestoneId: string;
  uri: string;
  sha256: string;
  actor: { userId: string };
  now: Date;
}

export interface AttachedMilestoneEvidence {
  milestoneId: string;
  status: MilestoneStatus;
  billable: boolean;
  alreadyAttached: boolean;
  /** What still keeps it from billing (MISSING_APPROVAL), empty when billable. */
  missing: string[];
  evidenceCount: number;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function attachMilestoneEvidence(input: AttachMilestoneEvidenceInput): Promise<AttachedMilestoneEvidence> {
  const { milestoneId, actor, now } = input;
  if (!uuid.test(milestoneId)) throw new AppError('NOT_FOUND', 'No such milestone.');
  const sha256 = input.sha256.trim().toLowerCase();
  const uri = input.uri.trim();
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Milestone" WHERE id = ${milestoneId}::uuid FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND', 'No such milestone.');
    const milestone = await tx.milestone.findUniqueOrThrow({
      where: { id: milestoneId },
      include: { evidence: { select: { sha256: true } }, engagement: { select: { id: true, code: true, correlationId: true, legalEntityId: true } } },
    });
    if (milestone.status === 'CANCELLED') throw new AppError('CONFLICT', `Milestone ${milestone.ref} is cancelled: it needs no evidence.`);
    if (milestone.status === 'PLANNED' || milestone.completedAt === null) {
      throw new AppError('UNPROCESSABLE', `Milestone ${milestone.ref} is not completed yet: evidence is attached once the project reports it complete.`);
    }
    const alreadyAttached = milestone.evidence.some((e) => e.sha256 === sha256);
    const added = alreadyAttached ? 0 : (await tx.milestoneEvidence.createMany({ data: [{ milestoneId, uri, sha256 }], skipDuplicates: true })).count;
    const settled = await settleMilestone(tx, {
      milestone,
      engagement: milestone.engagement,
      newEvidence: added > 0 ? [{ sha256 }] : [],
      added,
      completedAt: milestone.completedAt,
      approvedBy: milestone.approvedBy,
      approvedAt: milestone.approvedAt,
      at: now,
      actor: { type: 'USER', id: actor.userId },
      eventId: null,
      resolvedBy: actor.userId,
      raisedBy: 'console',
      now,
    });
    const missing = settled.outcome === 'waiting' ? settled.missing : [];
    return {
      milestoneId,
      status: settled.status,
      billable: settled.status === 'BILLABLE' || (settled.status === 'INVOICED' && missing.length === 0),
      alreadyAttached: added === 0,
      missing,
      evidenceCount: milestone.evidence.length + added,
    };
  });
}
