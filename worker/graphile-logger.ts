// Routes graphile-worker's own log lines into Threadline's structured JSON log. Its meta
// objects can hold whole pg clients; only the small, useful fields are kept.
import { Logger } from 'graphile-worker';
import { log } from '../lib/log.ts';

function usefulFields(meta: unknown): Record<string, unknown> {
  if (!meta || typeof meta !== 'object') return {};
  const { error, job, workerId, task } = meta as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  if (error instanceof Error) fields.err = error;
  else if (error && typeof error === 'object') fields.err = { message: String((error as { message?: unknown }).message ?? ''), code: (error as { code?: unknown }).code };
  if (job && typeof job === 'object') fields.jobId = (job as { id?: unknown }).id;
  if (workerId) fields.workerId = workerId;
  if (task) fields.task = task;
  return fields;
}

export const graphileLogger = new Logger(() => (level, message, meta) => {
  const fields = { scope: 'graphile-worker', ...usefulFields(meta) };
  if (level === 'error') log.error(message, fields);
  else if (level === 'warning') log.warn(message, fields);
  else if (level === 'debug') log.debug(message, fields);
  else log.info(message, fields);
});
