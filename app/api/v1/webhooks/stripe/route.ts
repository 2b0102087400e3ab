// /api/v1/webhooks/stripe — Stripe webhooks for a PAYMENTS connector (docs/CONNECTORS.md).
import { handleStripeWebhook } from '@/lib/ingest/native/stripe/handle-stripe-webhook';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleStripeWebhook(request);
