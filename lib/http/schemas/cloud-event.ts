// The CloudEvents 1.0 envelope POST /api/v1/events accepts, one schema per event type of
// the catalog with that type's `data` schema (the one the ingest parser validates with).
// The envelope itself is checked by hand-written code (lib/ingest/envelope) for precise
// first-problem messages; this zod version describes the same rules for the OpenAPI
// document, and a test keeps the two agreeing on the examples.
import { z } from 'zod';
import { MAX_BATCH_EVENTS } from '../../ingest/envelope/ingest-limits.ts';
import { eventCatalog, eventTypes, type EventType } from '../../ingest/schemas/catalog.ts';

const attribute = z.string().min(1).max(256).regex(/^[^\s]+$/);

const envelope = {
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(256).describe('Unique per source, forever: (source, id) is the idempotency key.'),
  source: attribute.describe("One of the sending connector's registered sources, e.g. /demo/crm."),
  subject: z.string().min(1).max(256).describe('The aggregate id (quote id, timesheet id, ...); sequence increases per subject.'),
  time: z.string().describe('RFC 3339 timestamp with a time zone, e.g. 2026-03-31T17:45:00Z.').meta({ format: 'date-time' }),
  correlationid: z.string().min(1).max(256).optional().describe('The engagement thread; created at quote acceptance when absent.'),
  sequence: z
    .union([z.number().int().min(1), z.string().regex(/^[1-9]\d{0,18}$/)])
    .optional()
    .describe('Aggregate version: a positive integer, as a number or a numeric string.'),
  datacontenttype: z.string().optional().describe('application/json or absent.'),
  dataschema: z.string().optional(),
};

function cloudEventOf<T extends EventType>(type: T) {
  return z.looseObject({ ...envelope, type: z.literal(type), data: eventCatalog[type].schema }).describe(eventCatalog[type].description);
}

/** One structured-mode CloudEvent schema per event type. */
export const cloudEventSchemas = Object.fromEntries(eventTypes.map((type) => [type, cloudEventOf(type)])) as { [T in EventType]: ReturnType<typeof cloudEventOf<T>> };

const [first, ...rest] = eventTypes.map((type) => cloudEventSchemas[type]);
export const cloudEventSchema = z.discriminatedUnion('type', [first!, ...rest]).describe('A structured-mode CloudEvent of one of the catalog types.');

export const cloudEventBatchSchema = z.array(cloudEventSchema).min(1).max(MAX_BATCH_EVENTS).describe(`Up to ${MAX_BATCH_EVENTS} events (10 MB); judged event by event.`);
