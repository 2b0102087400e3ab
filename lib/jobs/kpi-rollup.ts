// Hourly: rebuilds the daily KPI facts of the trailing window (lib/services/kpis/roll-up-kpis.ts),
// so GET /api/v1/kpis adds up a few thousand facts instead of a year of rows. Runnable on
// demand with {full: true} after a data repair.
import { z } from 'zod';
import { DEFAULT_ROLLUP_WINDOW_DAYS, rollUpKpis } from '../services/kpis/roll-up-kpis.ts';
import { defineJob } from './define-job.ts';

export const kpiRollupJob = defineJob({
  name: 'kpis:rollup',
  payload: z.object({ windowDays: z.number().int().min(1).max(3660).default(DEFAULT_ROLLUP_WINDOW_DAYS), full: z.boolean().default(false) }).passthrough(),
  cron: '7 * * * *',
  async run({ windowDays, full }, helpers) {
    const result = await rollUpKpis({ now: new Date(), windowDays, full });
    helpers.logger.info(`KPI facts rebuilt from ${result.firstDay ?? '(nothing new)'} through ${result.through}: ${result.facts} facts`);
  },
});
