// Routes graphile-worker's own log lines into Threadline's structured JSON log.
import { Logger } from 'graphile-worker';
import { log } from '../lib/log.ts';

export const graphileLogger = new Logger(() => (level, message, meta) => {
  const fields = { scope: 'graphile-worker', ...(meta as Record<string, unknown> | undefined) };
  if (level === 'error') log.error(message, fields);
  else if (level === 'warning') log.warn(message, fields);
  else if (level === 'debug') log.debug(message, fields);
  else log.info(message, fields);
});
