// Turns a job's findings into exceptions: raises each (new, a recurrence, or a reopening),
// leaves alone the ones a person's decision still covers, and resolves by the system the
// job's open exceptions whose finding has gone. Runs in the job's transaction.
import { jobExceptions, type ReconciliationJob } from '../../domain/reconciliation/reconciliation-jobs.ts';
import { planReconciliation } from '../../domain/reconciliation/plan-reconciliation.ts';
import { dec, ZERO } from '../../domain/money/decimal.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import { resolveExceptionBySystem } from '../exceptions/resolve-by-system.ts';
import type { Finding } from './finding.ts';
import { loadKnownExceptions } from './load-known-exceptions.ts';

export interface JobCounts {
  findings: number;
  /** New exceptions. */
  opened: number;
  /** Resolved ones found again. */
  reopened: number;
  /** One more occurrence of an open (or suppressed) exception. */
  recurred: number;
  /** Findings a person already decided, with no more at stake since. */
  keptClosed: number;
  /** The job's exceptions whose finding has gone, resolved by the system. */
  cleared: number;
  /** Σ financial impact (USD) of the findings raised in this run. */
  impactUsd: string;
}

export async function applyFindings(tx: Tx, options: { job: ReconciliationJob; findings: readonly Finding[]; asOf: Date; now: Date }): Promise<JobCounts> {
  const { job, findings, asOf, now } = options;
  const { code, entityTypes } = jobExceptions[job];
  const known = await loadKnownExceptions(tx, { job, code, entityTypes, entityIds: findings.map((f) => f.entityId) });
  const plan = planReconciliation(findings, known, asOf);
  const statusBefore = new Map(known.map((e) => [`${e.entityType}:${e.entityId}`, e.status]));
  const raisedBy = `reconciliation:${job}`;
  const counts: JobCounts = { findings: findings.length, opened: 0, reopened: 0, recurred: 0, keptClosed: plan.keepClosed.length, cleared: 0, impactUsd: '0.00' };
  let impact = ZERO;

  for (const finding of plan.raise) {
    const before = statusBefore.get(`${finding.entityType}:${finding.entityId}`);
    const exception = await raiseException(tx, {
      code,
      entityType: finding.entityType,
      entityId: finding.entityId,
      correlationId: finding.correlationId,
      legalEntityId: finding.legalEntityId,
      title: finding.title,
      impact: finding.impactAmount !== null && finding.impactCurrency ? { amount: finding.impactAmount, currency: finding.impactCurrency, date: finding.impactDate } : null,
      // The marker says the job owns it (only then may it clear it) and what kind it was.
      details: { ...finding.details, reconciliation: { job, kind: finding.kind, asOf: asOf.toISOString() } },
      raisedBy,
      now,
    });
    impact = impact.plus(dec(exception.financialImpact.toString()));
    if (!before) counts.opened++;
    else if (before === 'RESOLVED') counts.reopened++;
    else counts.recurred++;
  }
  for (const exception of plan.clear) {
    const resolution = `Reconciliation (${job}) as of ${asOf.toISOString()} no longer finds this.`;
    if (await resolveExceptionBySystem(tx, { code, entityType: exception.entityType as Finding['entityType'], entityId: exception.entityId, resolution, now, actorId: raisedBy })) counts.cleared++;
  }
  counts.impactUsd = impact.toFixed(2);
  return counts;
}
