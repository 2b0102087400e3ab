// The simulated payment gateway (Stripe-like) on the simulator kit: a charge or a dispute is
// recorded at once and its Stripe event (charge.succeeded, charge.dispute.created,
// charge.refunded) is sent
// to Threadline's POST /api/v1/webhooks/stripe?connector=<code>, signed with the endpoint's
// whsec_ secret exactly as Stripe signs (stripe-events.ts). Like Stripe it retries a
// delivery that fails (network error, 5xx, 429) with growing waits, and the kit's knobs add
// duplicate and out-of-order deliveries and emitDelayMs.
//   POST /v1/charges   {amount (minor units), currency, customer?, billingName?, invoiceNumber?,
//                      created? (unix seconds; only with the businessDated knob)} → 200 the Charge
// With businessDated a charge is dated by its created and a dispute a week after its charge
// (business-time.ts); the events carry those dates.
//   POST /v1/disputes  {charge, reason?} → 200 the Dispute (404 for an unknown charge)
//   POST /v1/refunds   {charge, amount? (minor units, default what is left), reason?} → 200
//                      the Refund, and charge.refunded with the charge and its refunds list
//                      (404 unknown charge, 422 more than is left to refund)
// Plus /health and /_control (kit/server.ts); GET /_control shows the charges and disputes.
import { z } from 'zod';
import { SimulatorEventEmitter } from '../kit/event-emitter.ts';
import type { SimulatorFaults } from '../kit/faults.ts';
import { SimulatorProblem } from '../kit/problem.ts';
import { startSimulatorServer, type RunningSimulator, type StartSimulatorOptions } from '../kit/server.ts';
import { chargeCreated, disputeCreated } from './business-time.ts';
import { stripeEvent, stripeId, stripeSignatureHeader, type StripeCharge, type StripeDispute, type StripeRefund } from './stripe-events.ts';

const chargeRequest = z.strictObject({
  amount: z.number().int().positive().max(99_999_999),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 code'),
  customer: z.string().min(1).max(255).optional(),
  billingName: z.string().min(1).max(255).optional(),
  invoiceNumber: z.string().min(1).max(255).optional(),
  created: z.number().int().positive().optional(),
});

const disputeRequest = z.strictObject({
  charge: z.string().min(1).max(255),
  reason: z.enum(['fraudulent', 'duplicate', 'product_not_received', 'unrecognized', 'general']).default('general'),
});

const refundRequest = z.strictObject({
  charge: z.string().min(1).max(255),
  amount: z.number().int().positive().max(99_999_999).optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
});

/** Where the gateway sends its webhooks: the full URL (with ?connector=) and the endpoint secret. */
export interface WebhookEndpoint {
  url: string;
  secret: string;
}

export interface StartPaymentsOptions extends Pick<StartSimulatorOptions, 'port' | 'token' | 'host' | 'random' | 'onRequest'> {
  faults?: Partial<SimulatorFaults>;
  webhook?: WebhookEndpoint;
}

export interface RunningPayments extends RunningSimulator {
  charges: Map<string, StripeCharge>;
  disputes: Map<string, StripeDispute>;
  emitter: SimulatorEventEmitter;
}

export async function startPaymentsSimulator(options: StartPaymentsOptions): Promise<RunningPayments> {
  const charges = new Map<string, StripeCharge>();
  const disputes = new Map<string, StripeDispute>();
  const target = options.webhook ? { ingestUrl: options.webhook.url, token: '', signingSecret: options.webhook.secret, source: 'stripe' } : undefined;
  const emitter = new SimulatorEventEmitter({
    target,
    faults: () => server.faults(),
    random: options.random,
    encode: (event, to) => {
      const body = JSON.stringify(event);
      return { url: to.ingestUrl, body, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignatureHeader(to.signingSecret!, body) } };
    },
  });

  const server: RunningSimulator = await startSimulatorServer({
    ...options,
    name: 'payments',
    routes: [
      {
        path: 'v1/charges',
        schema: chargeRequest,
        handle: (body: z.infer<typeof chargeRequest>) => {
          const created = chargeCreated({ created: body.created, businessDated: server.faults().businessDated, now: new Date() });
          const charge: StripeCharge = {
            id: stripeId('ch'),
            object: 'charge',
            amount: body.amount,
            currency: body.currency.toLowerCase(),
            created,
            customer: body.customer ?? null,
            billing_details: { name: body.billingName ?? null },
            metadata: body.invoiceNumber ? { invoice_number: body.invoiceNumber } : {},
            status: 'succeeded',
            paid: true,
            amount_refunded: 0,
            refunded: false,
            refunds: { object: 'list', data: [], has_more: false, total_count: 0 },
          };
          charges.set(charge.id, charge);
          emitter.deliver(stripeEvent('charge.succeeded', charge, new Date(created * 1000)));
          return { status: 200, body: charge };
        },
      },
      {
        path: 'v1/disputes',
        schema: disputeRequest,
        handle: (body: z.infer<typeof disputeRequest>) => {
          const charge = charges.get(body.charge);
          if (!charge) throw new SimulatorProblem(404, 'NOT_FOUND', `No charge ${body.charge}.`);
          const created = disputeCreated({ chargeCreated: charge.created, businessDated: server.faults().businessDated, now: new Date() });
          const dispute: StripeDispute = { id: stripeId('dp'), object: 'dispute', amount: charge.amount, currency: charge.currency, charge: charge.id, reason: body.reason, created, status: 'needs_response' };
          disputes.set(dispute.id, dispute);
          emitter.deliver(stripeEvent('charge.dispute.created', dispute, new Date(created * 1000)));
          return { status: 200, body: dispute };
        },
      },
      {
        path: 'v1/refunds',
        schema: refundRequest,
        handle: (body: z.infer<typeof refundRequest>) => {
          const charge = charges.get(body.charge);
          if (!charge) throw new SimulatorProblem(404, 'NOT_FOUND', `No charge ${body.charge}.`);
          const left = charge.amount - charge.amount_refunded;
          const amount = body.amount ?? left;
          if (amount <= 0 || amount > left) throw new SimulatorProblem(422, 'AMOUNT_TOO_LARGE', `Charge ${charge.id} has ${left} left to refund.`);
          const now = new Date();
          const refund: StripeRefund = { id: stripeId('re'), object: 'refund', amount, currency: charge.currency, charge: charge.id, reason: body.reason ?? null, created: Math.floor(now.getTime() / 1000), status: 'succeeded' };
          charge.amount_refunded += amount;
          charge.refunded = charge.amount_refunded === charge.amount;
          charge.refunds = { ...charge.refunds, data: [refund, ...charge.refunds.data], total_count: charge.refunds.total_count + 1 };
          emitter.deliver(stripeEvent('charge.refunded', structuredClone(charge), now));
          return { status: 200, body: refund };
        },
      },
    ],
    state: () => ({ charges: [...charges.values()], disputes: [...disputes.values()], webhooks: { enabled: emitter.enabled, ...emitter.stats } }),
  });
  return {
    ...server,
    charges,
    disputes,
    emitter,
    stop: async () => {
      emitter.stop();
      await server.stop();
    },
  };
}
