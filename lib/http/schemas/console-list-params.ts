// The console's list pages read their filters, sort and cursor from the URL with the same
// schemas as the API, so a page URL and an API call mean the same thing. One difference:
// the exception queue shows the work still to do (open and assigned) unless the URL says
// otherwise; status=any shows every status. Empty fields of a submitted filter form mean
// "no filter", so they are dropped before parsing.
import type { z } from 'zod';
import { parameterErrors } from '../validation-errors.ts';
import { searchParamsToObject } from '../search-params.ts';
import { listExceptionsQuerySchema } from './exceptions.ts';
import { listInboxEventsQuerySchema } from './events.ts';
import { ANY_STATUS, DEFAULT_QUEUE_STATUSES } from './queue-status-defaults.ts';

export { ANY_STATUS, DEFAULT_QUEUE_STATUSES };

export type ParsedListParams<T> = { ok: true; query: T } | { ok: false; message: string };

export function parseListParams<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): ParsedListParams<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, query: result.data };
  // Parameter names only: the enum lists in zod's messages are for API callers, not people.
  const names = [...new Set(parameterErrors(result.error.issues).map((e) => e.parameter.split('.')[0] || 'address'))];
  return { ok: false, message: `This view's address has values that are not valid for: ${names.join(', ')}.` };
}

export function withoutEmpty(params: URLSearchParams): Record<string, unknown> {
  return searchParamsToObject(new URLSearchParams([...params].filter(([, value]) => value.trim() !== '')));
}

export function exceptionQueueParams(params: URLSearchParams): ParsedListParams<z.output<typeof listExceptionsQuerySchema>> {
  const raw = withoutEmpty(params);
  if (raw.status === undefined) raw.status = DEFAULT_QUEUE_STATUSES;
  if (raw.status === ANY_STATUS) delete raw.status;
  return parseListParams(listExceptionsQuerySchema, raw);
}

export function inboxParams(params: URLSearchParams): ParsedListParams<z.output<typeof listInboxEventsQuerySchema>> {
  const raw = withoutEmpty(params);
  if (raw.status === ANY_STATUS) delete raw.status;
  return parseListParams(listInboxEventsQuerySchema, raw);
}
