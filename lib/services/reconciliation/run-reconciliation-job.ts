// Runs one reconciliation job: in one transaction, under an advisory lock per job (a
// scheduled run and an on-demand one take turns instead of double-counting), its one
// set-based read and then the exceptions it raises and clears — the findings and the
// queue change together or not at all.
import { db } from '../../db/client.ts';
import { jobExceptions, type ReconciliationJob, type ReconciliationSettings } from '../../domain/reconciliation/reconciliation-jobs.ts';
import { lockKey } from '../../workflows/commercial/advisory-lock.ts';
import { applyFindings, type JobCounts } from './apply-findings.ts';
import type { JobDefinition } from './finding.ts';
import { invoiceConfirmationJob } from './reconcile-invoice-confirmation.ts';
import { orphanedProjectsJob } from './reconcile-orphaned-projects.ts';
import { quoteContractValueJob } from './reconcile-quote-contract-value.ts';
import { unappliedCashJob } from './reconcile-unapplied-cash.ts';
import { unbilledApprovedTimeJob } from './reconcile-unbilled-approved-time.ts';

const definitions: Record<ReconciliationJob, JobDefinition> = {
  'orphaned-projects': orphanedProjectsJob,
  'unbilled-approved-time': unbilledApprovedTimeJob,
  'unapplied-cash': unappliedCashJob,
  'quote-contract-value': quoteContractValueJob,
  'invoice-confirmation': invoiceConfirmationJob,
};

export interface JobSummary extends JobCounts {
  job: ReconciliationJob;
  code: string;
  /** Milliseconds for the read alone (the set-based query), and for the whole job. */
  queryMs: number;
  durationMs: number;
}

const TRANSACTION = { maxWait: 60_000, timeout: 600_000 } as const;

export async function runReconciliationJob(options: { job: ReconciliationJob; asOf: Date; settings: ReconciliationSettings; now: Date }): Promise<JobSummary> {
  const { job, asOf, settings, now } = options;
  const started = performance.now();
  return db().$transaction(async (tx) => {
    await lockKey(tx, `reconciliation:${job}`);
    const queryStarted = performance.now();
    const findings = await definitions[job].find(tx, { asOf, settings });
    const queryMs = Math.round(performance.now() - queryStarted);
    const counts = await applyFindings(tx, { job, findings, asOf, now });
    return { job, code: jobExceptions[job].code, ...counts, queryMs, durationMs: Math.round(performance.now() - started) };
  }, TRANSACTION);
}
