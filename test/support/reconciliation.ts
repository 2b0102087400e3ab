// Runs one reconciliation job the way the API and the worker do, and reads back what it
// left in the queue, for the reconciliation integration tests.
import { db } from '../../lib/db/client.ts';
import type { ExceptionCode } from '../../lib/db/generated/enums.ts';
import type { ReconciliationJob, ReconciliationSettings } from '../../lib/domain/reconciliation/reconciliation-jobs.ts';
import type { JobSummary } from '../../lib/services/reconciliation/run-reconciliation-job.ts';
import { runReconciliation } from '../../lib/services/reconciliation/run-reconciliation.ts';

export async function reconcile(job: ReconciliationJob, asOf: string, settings: Partial<ReconciliationSettings> = {}): Promise<JobSummary> {
  const run = await runReconciliation({ jobs: [job], asOf: new Date(asOf), settings, now: new Date(), actor: { type: 'SYSTEM', id: 'test' } });
  const outcome = run.jobs[0]!;
  if ('error' in outcome) throw new Error(`${job} failed: ${outcome.error}`);
  return outcome;
}

export function exceptionsOf(code: ExceptionCode) {
  return db().exception.findMany({ where: { code }, orderBy: { firstSeenAt: 'asc' } });
}

export async function exceptionFor(code: ExceptionCode, entityId: string) {
  return db().exception.findFirstOrThrow({ where: { code, entityId } });
}
