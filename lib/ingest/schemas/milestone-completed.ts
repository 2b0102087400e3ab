// q2c.milestone.completed.v1 — the PSA reports a fixed-fee milestone complete. Approval
// and evidence may come later: a missing approver or empty evidence is the workflow's
// MILESTONE_MISSING_EVIDENCE (the milestone waits), not a schema error. What evidence
// is sent must say where it is and what its SHA-256 is.
import { z } from 'zod';
import { absoluteUri, identifier, optional, sha256Hex, timestamp } from './fields.ts';

const evidenceItem = z.looseObject({
  uri: absoluteUri,
  sha256: sha256Hex,
});

export const milestoneCompletedData = z.looseObject({
  engagementRef: identifier,
  milestoneRef: identifier,
  completedAt: timestamp,
  approvedBy: optional(identifier),
  evidence: optional(z.array(evidenceItem)),
});

export type MilestoneCompletedData = z.output<typeof milestoneCompletedData>;
