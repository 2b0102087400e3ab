// What a correction from triage looks like once Threadline has settled where it goes: the
// domain's plan plus the connector of each step, frozen into the ExceptionAction that
// proposed it (data.correction) so that what FINANCE approves is exactly what was
// previewed. The diff view is what the API and the console show.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CorrectionPlan } from '../../domain/corrections/plan-correction.ts';

export type CorrectionStatus = 'PREVIEW' | 'PENDING_APPROVAL' | 'ENQUEUED' | 'REJECTED';

export interface CorrectionDiffRow {
  system: string;
  connector: string;
  recordType: string;
  recordId: string;
  externalId: string | null;
  field: string;
  current: string | null;
  corrected: string;
}

export interface CorrectionView {
  status: CorrectionStatus;
  /** The ExceptionAction that proposed or pushed it; null for a preview. */
  actionId: string | null;
  movesMoney: boolean;
  amount: { amount: string; currency: string } | null;
  summary: string;
  diff: CorrectionDiffRow[];
  /** The outbox commands carrying it, once enqueued. */
  commandIds: string[];
}

/** The plan with the connector code of each step, as stored in ExceptionAction.data.correction. */
export interface SettledCorrection {
  plan: CorrectionPlan;
  connectors: string[];
  /** sha256 of the steps: the same correction proposed twice has the same one. */
  fingerprint: string;
}

const storedSchema = z.object({
  plan: z.object({
    steps: z.array(
      z.object({
        system: z.enum(['CRM', 'ERP', 'PSA']),
        record: z.object({ type: z.enum(['Quote', 'Contract', 'Customer', 'Project']), id: z.string(), externalId: z.string().nullable() }),
        changes: z.array(z.object({ field: z.string(), current: z.string().nullable(), corrected: z.string() })),
      }),
    ),
    movesMoney: z.boolean(),
    amount: z.object({ amount: z.string(), currency: z.string() }).nullable(),
    summary: z.string(),
  }),
  connectors: z.array(z.string()),
  fingerprint: z.string(),
});

export function settleCorrection(plan: CorrectionPlan, connectors: string[]): SettledCorrection {
  const fingerprint = createHash('sha256').update(JSON.stringify({ steps: plan.steps, connectors })).digest('hex');
  return { plan, connectors, fingerprint };
}

/** Reads data.correction of a stored action; null when it is not one (or not readable). */
export function readStoredCorrection(data: unknown): SettledCorrection | null {
  const correction = data && typeof data === 'object' && 'correction' in data ? (data as { correction: unknown }).correction : undefined;
  const parsed = storedSchema.safeParse(correction);
  return parsed.success ? parsed.data : null;
}

export function correctionView(correction: SettledCorrection, status: CorrectionStatus, actionId: string | null, commandIds: string[] = []): CorrectionView {
  const { plan, connectors } = correction;
  const diff = plan.steps.flatMap((step, i) =>
    step.changes.map((change) => ({
      system: step.system,
      connector: connectors[i]!,
      recordType: step.record.type,
      recordId: step.record.id,
      externalId: step.record.externalId,
      field: change.field,
      current: change.current,
      corrected: change.corrected,
    })),
  );
  return { status, actionId, movesMoney: plan.movesMoney, amount: plan.amount, summary: plan.summary, diff, commandIds };
}

/** A stable uuid for the correction (the command's correctionId), from the exception and fingerprint. */
export function correctionId(exceptionId: string, fingerprint: string): string {
  const h = createHash('sha256').update(`${exceptionId}:${fingerprint}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** data.commandIds of a stored correction action: the outbox commands carrying it. */
export function commandIdsOf(data: unknown): string[] {
  const ids = data && typeof data === 'object' && 'commandIds' in data ? (data as { commandIds: unknown }).commandIds : [];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

const statusOfApproval: Record<string, CorrectionStatus> = { PENDING: 'PENDING_APPROVAL', APPROVED: 'ENQUEUED', NOT_REQUIRED: 'ENQUEUED', REJECTED: 'REJECTED' };

/** The latest correction among an exception's actions (as the detail query lists them, oldest first), with who proposed it. */
export function latestCorrectionOf(
  actions: readonly { id: string; kind: string; approvalStatus: string; actorId: string | null; data: unknown }[],
): { correction: CorrectionView; proposedBy: string | null } | null {
  const latest = actions.findLast((a) => a.kind === 'PUSH_CORRECTION' && readStoredCorrection(a.data) !== null);
  const stored = latest ? readStoredCorrection(latest.data) : null;
  if (!latest || !stored) return null;
  const status = statusOfApproval[latest.approvalStatus] ?? 'ENQUEUED';
  return { correction: correctionView(stored, status, latest.id, commandIdsOf(latest.data)), proposedBy: latest.actorId };
}
