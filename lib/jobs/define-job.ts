// The shape every background job takes: a name, a zod schema for its payload and a
// handler. The worker builds its task list from the registry of these definitions, so
// adding a job is one file plus one line in registry.ts.
import type { JobHelpers } from 'graphile-worker';
import type { z } from 'zod';

export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  payload: Schema;
  run(payload: z.infer<Schema>, helpers: JobHelpers): Promise<void>;
  /** Optional crontab schedule (graphile-worker syntax: minute hour dom month dow). */
  cron?: string;
}

// graphile-worker's crontab grammar only accepts these task identifiers.
const JOB_NAME = /^[_a-zA-Z][_a-zA-Z0-9:/_-]*$/;

export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  if (!JOB_NAME.test(definition.name)) throw new Error(`Job name "${definition.name}" is not a valid graphile-worker task identifier (letters, digits, _ : / -).`);
  return definition;
}
