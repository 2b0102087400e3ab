// Schemas of POST /api/v1/reconciliation/runs {jobs?, asOf?} and GET /api/v1/reconciliation/runs:
// the request, and a run as it is answered (lib/services/reconciliation/run-reconciliation.ts).
import { z } from 'zod';
import { ExceptionCode } from '../../db/generated/enums.ts';
import { reconciliationJobs } from '../../domain/reconciliation/reconciliation-jobs.ts';
import { isIsoDate } from '../../domain/periods/calendar-date.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date (its 00:00 UTC) or an RFC 3339 date-time with its offset. */
export function isAsOf(text: string): boolean {
  if (isIsoDate(text)) return true;
  return DATE_TIME.test(text) && isIsoDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}

export function asOfInstant(text: string): Date {
  return new Date(isIsoDate(text) ? `${text}T00:00:00.000Z` : text);
}

const job = z.enum(reconciliationJobs);

export const reconciliationRunBodySchema = z
  .object({
  jobs: z
    .array(job)
    .min(1)
    .refine((jobs) => new Set(jobs).size === jobs.length, 'Name each job once.')
    .optional()
    .describe('The jobs to run; omitted: all of them.'),
  asOf: z
    .string()
    .refine(isAsOf, 'Expected a date-time with offset (2026-03-31T12:00:00Z) or a date (YYYY-MM-DD, read as 00:00 UTC).')
    .optional()
    .describe('The moment findings are judged at (ageing, grace periods); omitted: now. Never in the future. The data is read as it is now.'),
  })
  // An empty body runs every job as of now.
  .default({});

const counts = {
  code: z.enum(ExceptionCode).describe('The exception the job raises.'),
  findings: z.number().int(),
  opened: z.number().int().describe('New exceptions.'),
  reopened: z.number().int().describe('Resolved exceptions found again.'),
  recurred: z.number().int().describe('One more occurrence of an open (or suppressed) exception.'),
  keptClosed: z.number().int().describe('Findings a person already decided, with no more money at stake since: left closed.'),
  cleared: z.number().int().describe('Exceptions of the job whose finding has gone, resolved by the system.'),
  impactUsd: z.string().describe('Σ financial impact (USD) of the findings raised.'),
  queryMs: z.number().int().describe('The job\'s one set-based read.'),
};

const jobOutcome = z.union([
  z.object({ job, ...counts, durationMs: z.number().int() }),
  z.object({ job, error: z.string().describe('The job failed; its changes were rolled back.'), durationMs: z.number().int() }),
]);

export const reconciliationRunSchema = z.object({
  id: z.uuid(),
  asOf: z.iso.datetime(),
  status: z.enum(['SUCCEEDED', 'PARTIAL']).describe('PARTIAL: at least one job failed; the others\' results stand.'),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  jobs: z.array(jobOutcome),
});

export const listReconciliationRunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('How many of the latest runs (default 20, at most 100).'),
});

export const reconciliationRunListSchema = z.object({
  items: z.array(reconciliationRunSchema.extend({ actor: z.object({ type: z.enum(['USER', 'CONNECTOR', 'SYSTEM']), id: z.string().nullable() }) })),
});
