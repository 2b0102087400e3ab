// Schemas of the events API's answers: the ingest result (202) and the inbox as people
// read it (GET /api/v1/events, GET /api/v1/events/{id}), matching lib/queries/inbox.
import { z } from 'zod';
import { ExceptionCode, ExceptionStatus, InboxEventStatus, Recoverability } from '../../db/generated/enums.ts';
import { dateTime, pageOf } from './response-fields.ts';

export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  results: z.array(
    z.object({
      id: z.string().nullable().describe("The event's id; null when it could not be read."),
      status: z.enum(['accepted', 'duplicate', 'rejected']),
      error: z
        .object({
          code: z.enum(['MALFORMED', 'SCHEMA_INVALID', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN_SOURCE', 'PAYLOAD_CONFLICT']),
          pointer: z.string().optional().describe('RFC 6901 pointer into what was sent (a batch pointer includes the index).'),
          message: z.string(),
          status: z.number().int().describe('The HTTP status this refusal would have on its own.'),
        })
        .optional(),
    }),
  ),
});

export const inboxEventSchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  source: z.string(),
  type: z.string(),
  subject: z.string().nullable(),
  sequence: z.string().nullable().describe('Decimal string (64-bit).'),
  correlationId: z.string().nullable(),
  status: z.enum(InboxEventStatus),
  attempts: z.number().int(),
  receivedAt: dateTime,
  processedAt: dateTime.nullable(),
  latencyMs: z.number().int().nullable(),
  nextAttemptAt: dateTime.nullable(),
  parkedUntil: dateTime.nullable(),
  lastError: z.string().nullable(),
  connector: z.string().nullable(),
  exceptionIds: z.array(z.uuid()),
});

export const inboxEventPageSchema = pageOf(inboxEventSchema);

export const inboxEventDetailSchema = inboxEventSchema.extend({
  eventTime: dateTime.nullable(),
  payloadHash: z.string(),
  payload: z.unknown().describe('The CloudEvent as received.'),
  exceptions: z.array(
    z.object({ id: z.uuid(), code: z.enum(ExceptionCode), title: z.string(), status: z.enum(ExceptionStatus), recoverability: z.enum(Recoverability), linkedAt: dateTime }),
  ),
});
