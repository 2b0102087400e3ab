// Request schemas of the inbox read API (GET /api/v1/events, GET /api/v1/events/{id}),
// shared with the Inbox pages and, later, the OpenAPI document.
import { z } from 'zod';
import { InboxEventStatus } from '../../db/generated/enums.ts';
import { DEFAULT_INBOX_PAGE_SIZE, MAX_INBOX_PAGE_SIZE } from '../../queries/inbox/list-inbox-events.ts';
import { queryList } from './query-list.ts';

const text = z.string().trim().min(1).max(200).optional();

export const listInboxEventsQuerySchema = z.object({
  status: queryList(z.enum(InboxEventStatus)),
  /** CloudEvents type, e.g. q2c.employee.updated.v1. */
  type: text,
  /** CloudEvents source, e.g. /demo/hcm. */
  source: text,
  /** The sending connector's code, e.g. hcm. */
  connector: text,
  subject: text,
  correlationId: text,
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_INBOX_PAGE_SIZE).default(DEFAULT_INBOX_PAGE_SIZE),
});

export type ListInboxEventsQuery = z.output<typeof listInboxEventsQuerySchema>;

export const inboxEventIdParamsSchema = z.object({ id: z.uuid() });
