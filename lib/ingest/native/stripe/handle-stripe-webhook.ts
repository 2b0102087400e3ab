// POST /api/v1/webhooks/stripe: a Stripe webhook for the PAYMENTS connector named by
// `?connector=` (default `payments`). Stripe sends no bearer token, so the proof is the
// Stripe-Signature (t=…,v1=… HMAC-SHA256 over "t.body", 300 s tolerance, several v1
// values, constant-time compare) checked with the connector's inbound signing secrets —
// the same scheme and code as Threadline-Signature. The Stripe event becomes a canonical
// CloudEvent written through the inbox like any event (its id is the dedupe key), and
// Stripe gets its 2xx at once; the workflows run later from the inbox.
import { AppError } from '../../../errors.ts';
import { readRawBody } from '../../../http/read-raw-body.ts';
import { verifySignature } from '../../auth/verify-signature.ts';
import { MAX_EVENT_BYTES } from '../../envelope/ingest-limits.ts';
import { answerConnectorRequest } from '../answer-connector-request.ts';
import { findNativeConnector } from '../find-native-connector.ts';
import { writeNativeEvents } from '../write-native-events.ts';
import { mapStripeEvent } from './map-stripe-event.ts';

export async function handleStripeWebhook(request: Request): Promise<Response> {
  return answerConnectorRequest(request, '/api/v1/webhooks/stripe', async ({ identify }) => {
    const now = new Date();
    const connector = await findNativeConnector(new URL(request.url).searchParams.get('connector') ?? 'payments', 'PAYMENTS');
    identify(connector.code);
    const rawBody = await readRawBody(request, MAX_EVENT_BYTES);
    await verifySignature({ connector, header: request.headers.get('stripe-signature'), rawBody, now, headerName: 'Stripe-Signature' });

    let stripeEvent: unknown;
    try {
      stripeEvent = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new AppError('BAD_REQUEST', 'The body is not JSON: expected a Stripe Event.', { details: { pointer: '' } });
    }
    const source = connector.sources[0];
    if (!source) throw new AppError('INTERNAL', `Connector ${connector.code} has no source to send events as.`);
    const mapped = mapStripeEvent(stripeEvent, source);
    if (mapped.kind === 'invalid') {
      throw new AppError('VALIDATION_FAILED', mapped.message, { details: { pointer: mapped.pointer, errors: [{ pointer: mapped.pointer, message: mapped.message }] } });
    }
    if (mapped.kind === 'ignored') return { status: 200, body: { id: mapped.id, type: mapped.type, status: 'ignored', reason: mapped.reason } };

    const [result] = await writeNativeEvents(connector, [mapped.event], now);
    if (result!.status === 'rejected') {
      const { error } = result!;
      const code = error.code === 'PAYLOAD_CONFLICT' ? 'CONFLICT' : error.code === 'FORBIDDEN_SOURCE' ? 'FORBIDDEN' : 'VALIDATION_FAILED';
      throw new AppError(code, error.message, { details: { eventId: result!.id, reason: error.code, ...(error.pointer ? { pointer: error.pointer } : {}) } });
    }
    return { status: 200, body: { id: result!.id, type: mapped.event.type, status: result!.status } };
  });
}
