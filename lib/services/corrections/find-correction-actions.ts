// The corrections already proposed or pushed for an exception (its PUSH_CORRECTION
// actions with their frozen correction), newest first. Read under the exception's row
// lock, so "is one pending?" cannot race with another push or decision.
import type { ActionApprovalStatus } from '../../db/generated/enums.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { commandIdsOf, readStoredCorrection, type SettledCorrection } from './correction-record.ts';

export interface StoredCorrectionAction {
  id: string;
  actorId: string | null;
  approvalStatus: ActionApprovalStatus;
  outboxCommandId: string | null;
  commandIds: string[];
  correction: SettledCorrection;
}

export async function findCorrectionActions(tx: Tx, exceptionId: string): Promise<StoredCorrectionAction[]> {
  const rows = await tx.exceptionAction.findMany({
    where: { exceptionId, kind: 'PUSH_CORRECTION' },
    orderBy: { at: 'desc' },
    select: { id: true, actorId: true, approvalStatus: true, outboxCommandId: true, data: true },
  });
  return rows.flatMap((row) => {
    const correction = readStoredCorrection(row.data);
    if (!correction) return [];
    return [{ id: row.id, actorId: row.actorId, approvalStatus: row.approvalStatus, outboxCommandId: row.outboxCommandId, commandIds: commandIdsOf(row.data), correction }];
  });
}

/** The one waiting for FINANCE, if any. */
export async function findPendingCorrection(tx: Tx, exceptionId: string): Promise<StoredCorrectionAction | undefined> {
  return (await findCorrectionActions(tx, exceptionId)).find((a) => a.approvalStatus === 'PENDING');
}
