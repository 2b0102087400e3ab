// Stripe's wire format, as the payments simulator sends it: Event envelopes around Charge,
// Dispute and Refund objects (amounts in minor units, lower-case currency, `created` in Unix seconds),
// and the Stripe-Signature header: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> keyed
// with the endpoint's whsec_ secret, the whole string used as the key (as Stripe does).
import { randomBytes } from 'node:crypto';
import { threadlineSignature } from '../kit/event-emitter.ts';

export interface StripeCharge {
  id: string;
  object: 'charge';
  amount: number;
  currency: string;
  created: number;
  customer: string | null;
  billing_details: { name: string | null };
  metadata: Record<string, string>;
  status: 'succeeded';
  paid: true;
  amount_refunded: number;
  refunded: boolean;
  /** Newest first, as Stripe lists them. */
  refunds: { object: 'list'; data: StripeRefund[]; has_more: false; total_count: number };
}

export interface StripeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  reason: string | null;
  created: number;
  status: 'succeeded';
}

export interface StripeDispute {
  id: string;
  object: 'dispute';
  amount: number;
  currency: string;
  charge: string;
  reason: string;
  created: number;
  status: 'needs_response';
}

export const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

export function stripeEvent(type: string, object: StripeCharge | StripeDispute | StripeRefund, now: Date): Record<string, unknown> {
  return { id: stripeId('evt'), object: 'event', api_version: '2024-06-20', type, created: Math.floor(now.getTime() / 1000), livemode: false, pending_webhooks: 1, data: { object } };
}

/** Stripe-Signature: the same t=,v1= scheme as Threadline-Signature, keyed with the whsec_ string. */
export const stripeSignatureHeader = threadlineSignature;
