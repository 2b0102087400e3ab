// POST /api/v1/events in the OpenAPI document: the three CloudEvents modes, each event
// type's data schema from the event catalog, and a ready-to-send example per type from
// lib/ingest/schemas/examples.ts.
import { z } from 'zod';
import { MAX_BATCH_EVENTS } from '../../ingest/envelope/ingest-limits.ts';
import { eventCatalog, eventTypes, type EventType } from '../../ingest/schemas/catalog.ts';
import { exampleEventData } from '../../ingest/schemas/examples.ts';
import { cloudEventBatchSchema, cloudEventSchema, cloudEventSchemas } from '../schemas/cloud-event.ts';
import { ingestResultSchema } from '../schemas/inbox-responses.ts';
import { json, type ApiOperation, type NamedSchema } from './operation.ts';

// The data field that names each aggregate, so an example's subject is what a sender would put there.
const subjectField: Record<(typeof eventCatalog)[EventType]['aggregate'], string> = {
  Quote: 'quoteId',
  ChangeOrder: 'changeOrderId',
  Engagement: 'engagementRef',
  Timesheet: 'timesheetId',
  Expense: 'expenseId',
  UsageRecord: 'usageId',
  Milestone: 'milestoneRef',
  Employee: 'employeeId',
  Client: 'externalId',
  Invoice: 'invoiceId',
  CashReceipt: 'paymentId',
  Dispute: 'paymentId',
};

/** A structured-mode CloudEvent a connected system could send as is. */
export function exampleCloudEvent(type: EventType, index = 1): Record<string, unknown> {
  const entry = eventCatalog[type];
  const data = exampleEventData[type] as Record<string, unknown>;
  return {
    specversion: '1.0',
    id: `evt-${String(index).padStart(4, '0')}`,
    source: `/demo/${entry.senders[0].toLowerCase()}`,
    type,
    subject: String(data[subjectField[entry.aggregate]] ?? `${entry.aggregate}-1`),
    time: '2026-04-01T09:00:00Z',
    correlationid: 'corr-acme-2026-0042',
    sequence: 1,
    datacontenttype: 'application/json',
    data,
  };
}

/** Named components the ingest body refers to: each type's envelope and data. */
export const ingestComponents: NamedSchema[] = eventTypes.flatMap((type) => [
  { name: `EventData.${type}`, schema: eventCatalog[type].schema },
  { name: `CloudEvent.${type}`, schema: cloudEventSchemas[type] },
]);

const examples = Object.fromEntries(eventTypes.map((type, i) => [type, { summary: eventCatalog[type].description, value: exampleCloudEvent(type, i + 1) }]));
const binaryExamples = Object.fromEntries(eventTypes.map((type) => [type, { summary: `Binary mode: the body is the data; attributes travel as ce-* headers (ce-type: ${type}).`, value: exampleEventData[type] }]));
const [firstData, ...otherData] = eventTypes.map((type) => eventCatalog[type].schema);
const binaryModeData = z.union([firstData!, ...otherData]).describe('Binary mode: the body is the event data of the type named by ce-type.');
const ceHeader = (name: string, description: string) => ({ name: `ce-${name}`, description: `Binary mode only: ${description}`, schema: { type: 'string' } });

export const ingestOperation: ApiOperation = {
  method: 'post',
  path: '/api/v1/events',
  operationId: 'ingestEvents',
  summary: 'Send business events (CloudEvents 1.0)',
  description: [
    'Structured (`application/cloudevents+json`), batch (`application/cloudevents-batch+json`, up to',
    `${MAX_BATCH_EVENTS} events or 10 MB) or binary mode (\`ce-*\` headers, JSON body). Each event is stored once`,
    'per (source, id); a repeat with the same payload is a duplicate, a different payload is refused (409).',
    'The answer is 202 with a result per event; a single refused event gets its problem (400/403/409/413).',
    'When the connector has a signing secret, `Threadline-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` is required (5-minute window).',
    `Event types: ${eventTypes.map((t) => `\`${t}\``).join(', ')}.`,
  ].join(' '),
  tag: 'Ingest',
  auth: 'connector',
  headers: [
    { name: 'Threadline-Signature', description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> — required when the connector has a signing secret.', schema: { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}' } },
    ceHeader('specversion', '1.0'),
    ceHeader('id', 'the event id.'),
    ceHeader('source', 'the source.'),
    ceHeader('type', 'the event type.'),
    ceHeader('subject', 'the aggregate id.'),
    ceHeader('time', 'RFC 3339 timestamp.'),
    ceHeader('correlationid', 'the engagement thread.'),
    ceHeader('sequence', 'the aggregate version.'),
  ],
  body: {
    required: true,
    content: {
      'application/cloudevents+json': { name: 'CloudEvent', schema: cloudEventSchema, examples },
      'application/cloudevents-batch+json': {
        name: 'CloudEventBatch',
        schema: cloudEventBatchSchema,
        examples: { batch: { summary: 'Two events in one request', value: [exampleCloudEvent('q2c.quote.accepted.v1', 1), exampleCloudEvent('q2c.project.created.v1', 2)] } },
      },
      'application/json': { name: 'BinaryModeEventData', schema: binaryModeData, examples: binaryExamples },
    },
  },
  responses: {
    202: { description: 'Judged event by event: accepted, duplicate or rejected.', content: json('IngestResult', ingestResultSchema) },
  },
  errors: [403, 409, 413, 415, 429],
};
