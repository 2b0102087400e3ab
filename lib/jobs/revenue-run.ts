// The revenue run as a job: nightly, it recognises revenue through the day that just ended
// (a full day of retainer fee, month-end top-ups on the 1st); on demand (add_job
// 'revenue:run' with {asOf?, legalEntityCode?, engagementIds?}) through the given date, or
// today. Retrying is safe: the run posts only what is not yet posted.
import { z } from 'zod';
import { isAppError } from '../errors.ts';
import { addDays, isIsoDate } from '../domain/periods/calendar-date.ts';
import { dayOf } from '../services/revenue/revenue-facts.ts';
import { runRevenue } from '../services/revenue/run-revenue.ts';
import { defineJob } from './define-job.ts';

export const revenueRunJob = defineJob({
  name: 'revenue:run',
  payload: z.looseObject({
    asOf: z.string().refine(isIsoDate, 'Expected YYYY-MM-DD').optional(),
    legalEntityCode: z.string().trim().min(1).max(20).optional(),
    engagementIds: z.array(z.uuid()).max(10_000).optional(),
    // graphile-worker adds the tick's scheduled time to cron jobs.
    _cron: z.looseObject({ ts: z.string() }).optional(),
  }),
  cron: '30 2 * * *',
  async run(payload, helpers) {
    const now = new Date();
    const asOf = payload.asOf ?? (payload._cron ? addDays(dayOf(new Date(payload._cron.ts)), -1) : dayOf(now));
    try {
      const summary = await runRevenue({ asOf, legalEntityCode: payload.legalEntityCode, engagementIds: payload.engagementIds, now, actor: { type: 'SYSTEM', id: 'revenue:run' } });
      helpers.logger.info(`revenue run through ${asOf}: ${summary.entriesPosted} entries for ${summary.engagementsPosted} of ${summary.engagements} engagements`);
    } catch (error) {
      // A date in the future or an unknown legal entity will not get better by retrying.
      if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
        helpers.logger.error(`revenue run refused: ${error.message}`);
        return;
      }
      throw error;
    }
  },
});
