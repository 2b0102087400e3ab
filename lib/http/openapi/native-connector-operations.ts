// The native connectors' operations (docs/CONNECTORS.md "Native payment connectors"): a
// Stripe webhook and ISO 20022 bank statement imports, mapped to canonical events.
import { z } from 'zod';
import { json, type ApiOperation } from './operation.ts';

const eventResult = z.looseObject({
  id: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  error: z.looseObject({ code: z.string(), message: z.string(), pointer: z.string().optional() }).optional(),
});

const stripeWebhookResultSchema = z
  .looseObject({
    id: z.string().describe('The Stripe event id (the CloudEvent id and dedupe key).'),
    type: z.string().describe('The canonical event type written, or the Stripe type when ignored.'),
    status: z.enum(['accepted', 'duplicate', 'ignored']),
    reason: z.string().optional().describe('Why an ignored event is not mapped.'),
  })
  .describe('What became of the Stripe event.');

const camtImportResultSchema = z
  .looseObject({
    kind: z.enum(['camt.053', 'camt.054']),
    messageId: z.string().nullable(),
    entries: z.number().int().describe('Entries in the document, all statements.'),
    credits: z.number().int().describe('Booked credit entries: one payment each.'),
    accepted: z.number().int(),
    duplicates: z.number().int().describe('Credits already imported (same bank reference).'),
    rejected: z.number().int(),
    skippedDebits: z.number().int(),
    skippedOther: z.number().int().describe('Reversals and entries not booked.'),
    results: z.array(eventResult),
  })
  .describe('The import summary, with a result per credit entry.');

export const nativeConnectorOperations: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/webhooks/stripe',
    operationId: 'receiveStripeWebhook',
    summary: 'Stripe webhooks for a PAYMENTS connector',
    description: [
      'Point a Stripe webhook endpoint at this URL (`?connector=<code>`, default `payments`) with the connector’s signing secret as its secret.',
      '`Stripe-Signature: t=…,v1=…` (HMAC-SHA256 over "<t>.<raw body>", 300 s tolerance, any v1 may match) is required.',
      '`charge.succeeded` becomes `q2c.payment.received.v1`, `charge.dispute.created` becomes `q2c.payment.disputed.v1`; other types are acknowledged and ignored.',
      'The Stripe event id is the dedupe key: a redelivery answers 200 duplicate.',
    ].join(' '),
    tag: 'Ingest',
    auth: 'public',
    headers: [{ name: 'Stripe-Signature', required: true, description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=…]', schema: { type: 'string' } }],
    body: { required: true, content: json('StripeEvent', z.looseObject({ id: z.string(), type: z.string(), created: z.number().int(), data: z.looseObject({ object: z.looseObject({}) }) }).describe('A Stripe Event.')) },
    responses: { 200: { description: 'Received (accepted, duplicate or ignored).', content: json('StripeWebhookResult', stripeWebhookResultSchema) } },
    errors: [409, 413],
  },
  {
    method: 'post',
    path: '/api/v1/imports/camt053',
    operationId: 'importCamtStatement',
    summary: 'Import an ISO 20022 bank statement (camt.053) or notification (camt.054)',
    description: [
      'A BANK connector’s token (and Threadline-Signature when it has a signing secret). At most 10 MB and 10,000 entries; any DOCTYPE/ENTITY is refused.',
      'Each booked credit entry becomes one `q2c.payment.received.v1` whose id is the bank reference (AcctSvcrRef, else UETR, else EndToEndId),',
      'so importing the same file again adds nothing. Debits are counted and skipped.',
    ].join(' '),
    tag: 'Ingest',
    auth: 'connector',
    body: { required: true, content: { 'application/xml': { name: 'CamtDocument', schema: z.string().describe('A camt.053.001.xx or camt.054.001.xx XML document.') } } },
    responses: { 200: { description: 'The import summary.', content: json('CamtImportResult', camtImportResultSchema) } },
    errors: [413, 415],
  },
];
