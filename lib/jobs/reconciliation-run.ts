// The reconciliation jobs on the worker's schedule (DESIGN.md §8): hourly, every job as of
// the tick; on demand with add_job 'reconciliation:run' {jobs?, asOf?} (the API runs them
// in the request instead). Repeatable: a second run counts occurrences and raises nothing new.
import { z } from 'zod';
import { reconciliationJobs } from '../domain/reconciliation/reconciliation-jobs.ts';
import { isAppError } from '../errors.ts';
import { runReconciliation } from '../services/reconciliation/run-reconciliation.ts';
import { defineJob } from './define-job.ts';

export const reconciliationRunJob = defineJob({
  name: 'reconciliation:run',
  payload: z.looseObject({
    jobs: z.array(z.enum(reconciliationJobs)).optional(),
    asOf: z.iso.datetime({ offset: true }).optional(),
    // graphile-worker adds the tick's scheduled time to cron jobs.
    _cron: z.looseObject({ ts: z.string() }).optional(),
  }),
  cron: '23 * * * *',
  async run(input, helpers) {
    const now = new Date();
    const asOf = input.asOf ? new Date(input.asOf) : input._cron ? new Date(input._cron.ts) : now;
    try {
      const run = await runReconciliation({ jobs: input.jobs, asOf: asOf > now ? now : asOf, now, actor: { type: 'SYSTEM', id: 'reconciliation:run' } });
      const parts = run.jobs.map((j) => ('error' in j ? `${j.job} FAILED (${j.error})` : `${j.job} ${j.findings} found, ${j.opened} new, ${j.cleared} cleared`));
      helpers.logger.info(`reconciliation as of ${run.asOf}: ${run.status}; ${parts.join('; ')}`);
    } catch (error) {
      if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
        helpers.logger.error(`reconciliation:run refused: ${error.message}`);
        return;
      }
      throw error;
    }
  },
});
