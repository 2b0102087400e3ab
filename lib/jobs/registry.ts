// Every job the worker knows. The task list validates each payload against its job's
// schema before running it: a malformed payload is a permanent failure, logged and not
// retried (retrying cannot make it valid).
import type { Task, TaskList } from 'graphile-worker';
import { log } from '../log.ts';
import { billingRunJob, billingTaxRetryJob } from './billing-run.ts';
import type { JobDefinition } from './define-job.ts';
import { kpiRollupJob } from './kpi-rollup.ts';
import { pruneWorkerHeartbeats } from './prune-worker-heartbeats.ts';
import { reconciliationRunJob } from './reconciliation-run.ts';
import { revenueRunJob } from './revenue-run.ts';

export const jobs: JobDefinition[] = [pruneWorkerHeartbeats, revenueRunJob, billingRunJob, billingTaxRetryJob, kpiRollupJob, reconciliationRunJob];

export function buildTaskList(definitions: JobDefinition[] = jobs): TaskList {
  const list: TaskList = {};
  for (const job of definitions) {
    if (list[job.name]) throw new Error(`Job ${job.name} is registered twice`);
    const task: Task = async (rawPayload, helpers) => {
      const parsed = job.payload.safeParse(rawPayload ?? {});
      if (!parsed.success) {
        log.error('job payload rejected', { job: job.name, jobId: helpers.job.id, issues: parsed.error.issues });
        return;
      }
      await job.run(parsed.data, helpers);
    };
    list[job.name] = task;
  }
  return list;
}

/** The crontab lines for scheduled jobs. */
export function buildCrontab(definitions: JobDefinition[] = jobs): string {
  return definitions
    .filter((job) => job.cron)
    .map((job) => `${job.cron} ${job.name}`)
    .join('\n');
}
