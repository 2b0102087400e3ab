// The billing run as jobs (DESIGN.md §2 "scheduled jobs: invoice runs"):
//   billing:run        nightly (and on demand: add_job 'billing:run' {asOf?, legalEntityCode?,
//                      engagementIds?}) issues every invoice due by the day of the tick;
//   billing:retry-tax  every 15 minutes, only the invoices waiting for the tax engine, so an
//                      outage delays invoices by minutes, not until the next night.
// Both are safe to retry and to overlap: a run issues only what is not issued yet.
import { z } from 'zod';
import { isIsoDate } from '../domain/periods/calendar-date.ts';
import { isAppError } from '../errors.ts';
import { runBilling } from '../services/billing/run-billing.ts';
import { defineJob, type JobDefinition } from './define-job.ts';

const payload = z.looseObject({
  asOf: z.string().refine(isIsoDate, 'Expected YYYY-MM-DD').optional(),
  legalEntityCode: z.string().trim().min(1).max(20).optional(),
  engagementIds: z.array(z.uuid()).max(10_000).optional(),
  // graphile-worker adds the tick's scheduled time to cron jobs.
  _cron: z.looseObject({ ts: z.string() }).optional(),
});

function billingJob(options: { name: string; cron: string; draft: boolean }): JobDefinition<typeof payload> {
  return defineJob({
    name: options.name,
    payload,
    cron: options.cron,
    async run(input, helpers) {
      const now = new Date();
      const asOf = input.asOf ?? (input._cron ? new Date(input._cron.ts) : now).toISOString().slice(0, 10);
      try {
        const summary = await runBilling({ asOf, legalEntityCode: input.legalEntityCode, engagementIds: input.engagementIds, draft: options.draft, now, actor: { type: 'SYSTEM', id: options.name } });
        const totals = Object.entries(summary.totalsByCurrency).map(([currency, t]) => `${t.total} ${currency}`).join(', ') || 'nothing';
        helpers.logger.info(`${options.name} as of ${asOf}: ${summary.invoicesIssued} issued (${totals}), ${summary.awaitingTax} waiting for tax, ${summary.held.length} held`);
      } catch (error) {
        // A date in the future or an unknown legal entity will not get better by retrying.
        if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
          helpers.logger.error(`${options.name} refused: ${error.message}`);
          return;
        }
        throw error;
      }
    },
  });
}

export const billingRunJob = billingJob({ name: 'billing:run', cron: '0 3 * * *', draft: true });
export const billingTaxRetryJob = billingJob({ name: 'billing:retry-tax', cron: '*/15 * * * *', draft: false });
