// Removes heartbeat rows of worker processes that stopped long ago, so the health check
// and the operations views only ever consider recent workers.
import { z } from 'zod';
import { db } from '../db/client.ts';
import { defineJob } from './define-job.ts';

export const pruneWorkerHeartbeats = defineJob({
  name: 'maintenance:prune-worker-heartbeats',
  payload: z.object({ olderThanHours: z.number().int().positive().default(24) }).passthrough(),
  cron: '17 * * * *',
  async run({ olderThanHours }, helpers) {
    const cutoff = new Date(Date.now() - olderThanHours * 3_600_000);
    const { count } = await db().workerHeartbeat.deleteMany({ where: { beatAt: { lt: cutoff } } });
    if (count > 0) helpers.logger.info(`pruned ${count} stale worker heartbeats`);
  },
});
