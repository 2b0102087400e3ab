// Runs the reconciliation jobs (all, or those named) as of a moment — hourly from the
// worker, on demand from POST /api/v1/reconciliation/runs — and records the run with a
// summary per job and an audit record. A failing job does not stop the others: its
// summary carries the error and the run is PARTIAL.
import { db, type Prisma } from '../../db/client.ts';
import { defaultReconciliationSettings, reconciliationJobs, type ReconciliationJob, type ReconciliationSettings } from '../../domain/reconciliation/reconciliation-jobs.ts';
import { AppError } from '../../errors.ts';
import { log } from '../../log.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { runReconciliationJob, type JobSummary } from './run-reconciliation-job.ts';

export interface RunReconciliationOptions {
  /** Default: every job. */
  jobs?: readonly ReconciliationJob[];
  /** The moment the findings are judged at (ageing, grace periods); default now. Never in the future. */
  asOf?: Date;
  settings?: Partial<ReconciliationSettings>;
  now: Date;
  actor: AuditActor;
}

export type JobOutcome = JobSummary | { job: ReconciliationJob; error: string; durationMs: number };

export interface ReconciliationRunSummary {
  id: string;
  asOf: string;
  status: 'SUCCEEDED' | 'PARTIAL';
  startedAt: string;
  finishedAt: string;
  jobs: JobOutcome[];
}

export async function runReconciliation(options: RunReconciliationOptions): Promise<ReconciliationRunSummary> {
  const { now, actor } = options;
  const asOf = options.asOf ?? now;
  if (Number.isNaN(asOf.getTime())) throw new AppError('VALIDATION_FAILED', 'asOf is not a valid date.');
  if (asOf.getTime() > now.getTime()) throw new AppError('VALIDATION_FAILED', `asOf ${asOf.toISOString()} is in the future: reconciliation judges what has happened.`, { details: { errors: [{ pointer: '/asOf', message: 'asOf must not be in the future.' }] } });
  const jobs = options.jobs?.length ? reconciliationJobs.filter((job) => options.jobs!.includes(job)) : [...reconciliationJobs];
  const settings = { ...defaultReconciliationSettings, ...options.settings };
  const startedAt = new Date();

  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const started = performance.now();
    try {
      outcomes.push(await runReconciliationJob({ job, asOf, settings, now }));
    } catch (error) {
      log.error('reconciliation job failed', { job, err: error });
      outcomes.push({ job, error: error instanceof Error ? error.message : String(error), durationMs: Math.round(performance.now() - started) });
    }
  }

  const finishedAt = new Date();
  const status = outcomes.some((o) => 'error' in o) ? 'PARTIAL' : 'SUCCEEDED';
  const run = await db().$transaction(async (tx) => {
    const row = await tx.reconciliationRun.create({
      data: { asOf, jobs, status, actorType: actor.type, actorId: actor.id ?? null, startedAt, finishedAt, summary: outcomes as unknown as Prisma.InputJsonArray },
      select: { id: true },
    });
    await writeAudit(tx, { actor, entityType: 'ReconciliationRun', entityId: row.id, action: 'reconciliation.run', after: { asOf, jobs, status, outcomes }, at: finishedAt });
    return row;
  });
  return { id: run.id, asOf: asOf.toISOString(), status, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), jobs: outcomes };
}
