// The latest reconciliation runs, newest first (one index scan on startedAt).
import type { ActorType } from '../../db/generated/enums.ts';
import { db } from '../../db/client.ts';
import type { JobOutcome, ReconciliationRunSummary } from '../../services/reconciliation/run-reconciliation.ts';

export interface ReconciliationRunView extends ReconciliationRunSummary {
  actor: { type: ActorType; id: string | null };
}

export async function listReconciliationRuns(options: { limit: number }): Promise<ReconciliationRunView[]> {
  const rows = await db().reconciliationRun.findMany({ orderBy: { startedAt: 'desc' }, take: options.limit });
  return rows.map((row) => ({
    id: row.id,
    asOf: row.asOf.toISOString(),
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
    jobs: row.summary as unknown as JobOutcome[],
    actor: { type: row.actorType, id: row.actorId },
  }));
}
