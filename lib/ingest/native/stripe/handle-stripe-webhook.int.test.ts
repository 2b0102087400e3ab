// POST /api/v1/webhooks/stripe through the real handler, our signature check, the real
// inbox and the payment workflow: bodies signed by Stripe's own library.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { cashConnectors, createEngagement, createInvoice, createPayer, invoiceRow } from '../../../../test/fixtures/cash.ts';
import { testConnector } from '../../../../test/support/ingest.ts';
import { db } from '../../../db/client.ts';
import type { CreatedConnector } from '../../../services/connectors/create-connector.ts';
import { rotateConnector } from '../../../services/connectors/rotate-connector.ts';
import { processInboxBatch } from '../../../workflows/process-inbox-batch.ts';
import { buildWorkflowResolver } from '../../../workflows/registry.ts';
import { handleStripeWebhook } from './handle-stripe-webhook.ts';

const stripe = new Stripe('sk_test_unused');
const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/external');
const fixture = (file: string) => readFileSync(path.join(FIXTURES, file), 'utf8');
let gateway: CreatedConnector;

beforeAll(async () => {
  await cashConnectors(); // the ERP that applying cash reports to
  gateway = await testConnector({ code: 'stripe-test', kind: 'PAYMENTS', sources: ['/test/stripe'], withSigningSecret: true });
});

let counter = 0;
const charge = (overrides: Record<string, unknown> = {}) => ({
  id: `ch_${++counter}_${Date.now()}`,
  object: 'charge',
  amount: 125_000,
  currency: 'usd',
  created: 1_767_225_600,
  customer: 'cus_unknown',
  billing_details: { name: 'Acme GmbH' },
  metadata: {},
  ...overrides,
});
const stripeEvent = (type: string, object: Record<string, unknown>) => ({ id: `evt_${++counter}_${Date.now()}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });

function webhook(body: string, options: { secret?: string; timestamp?: number; header?: string; connector?: string } = {}): Request {
  const header = options.header ?? stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? gateway.signingSecret!, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });
  return new Request(`http://threadline.test/api/v1/webhooks/stripe?connector=${options.connector ?? 'stripe-test'}`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body });
}
const drain = async () => {
  const settings = { batchSize: 100, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver() };
  while ((await processInboxBatch(settings)).claimed > 0);
};

describe('POST /api/v1/webhooks/stripe', () => {
  it('200: a signed charge.succeeded is stored once and becomes a cash receipt applied to the invoice it names', async () => {
    const { client, externalId } = await createPayer({ connectorId: gateway.id, code: gateway.code, kind: 'PAYMENTS' });
    const invoice = await createInvoice(await createEngagement(client.id), { net: '1250.00' });
    const event = stripeEvent('charge.succeeded', charge({ customer: externalId, metadata: { invoice_number: invoice.number } }));
    const response = await handleStripeWebhook(webhook(JSON.stringify(event)));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: event.id, type: 'q2c.payment.received.v1', status: 'accepted' });

    await drain();
    const receipt = await db().cashReceipt.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'stripe-test', externalId: event.data.object.id as string } } });
    expect({ amount: receipt.amount.toFixed(2), currency: receipt.currency, payerName: receipt.payerName, clientId: receipt.clientId, status: receipt.status }).toEqual({
      amount: '1250.00', currency: 'USD', payerName: 'Acme GmbH', clientId: client.id, status: 'APPLIED',
    });
    expect((await invoiceRow(invoice.id)).status).toBe('PAID');
  });

  it('200 duplicate: Stripe redelivering the same event (freshly signed) adds nothing', async () => {
    const body = JSON.stringify(stripeEvent('charge.succeeded', charge()));
    expect((await (await handleStripeWebhook(webhook(body))).json()).status).toBe('accepted');
    const again = await handleStripeWebhook(webhook(body));
    expect(again.status).toBe(200);
    expect((await again.json()).status).toBe('duplicate');
    expect(await db().inboxEvent.count({ where: { source: '/test/stripe', eventId: JSON.parse(body).id } })).toBe(1);
  });

  it('200: charge.dispute.created becomes q2c.payment.disputed.v1 in the inbox', async () => {
    const disputeId = `dp_${Date.now()}`;
    const event = stripeEvent('charge.dispute.created', { id: disputeId, object: 'dispute', amount: 5000, currency: 'eur', charge: 'ch_x', reason: 'product_not_received', created: 1_767_225_600 });
    const response = await handleStripeWebhook(webhook(JSON.stringify(event)));
    expect(await response.json()).toMatchObject({ status: 'accepted', type: 'q2c.payment.disputed.v1' });
    const row = await db().inboxEvent.findUniqueOrThrow({ where: { source_eventId: { source: '/test/stripe', eventId: event.id } } });
    expect(row).toMatchObject({ type: 'q2c.payment.disputed.v1', subject: disputeId });
    expect((row.payload as { data: unknown }).data).toMatchObject({ paymentId: 'ch_x', amount: '50.00', currency: 'EUR', reason: 'product_not_received' });
  });

  it('200 ignored: charge.refunded without its refunds list is acknowledged (Stripe stops retrying) and nothing is stored', async () => {
    const event = stripeEvent('charge.refunded', charge());
    const response = await handleStripeWebhook(webhook(JSON.stringify(event)));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ignored', type: 'charge.refunded' });
    expect(await db().inboxEvent.count({ where: { eventId: event.id } })).toBe(0);
  });

  it('the pay-rails charge.refunded: 5.00 of a 15.00 payment goes back, the invoice reopens by 5.00; refund.created of the same refund changes nothing', async () => {
    const { client, externalId } = await createPayer({ connectorId: gateway.id, code: gateway.code, kind: 'PAYMENTS' });
    const engagement = await createEngagement(client.id);
    const invoice = await createInvoice(engagement, { net: '15.00' });
    const fixtureCharge = JSON.parse(fixture('pay-rails__stripe_charge.refunded.data.json')).object as Record<string, unknown> & { refunds: { data: Record<string, unknown>[] } };
    const paid = { ...fixtureCharge, id: `ch_refunded_${Date.now()}`, customer: externalId, metadata: { invoice_number: invoice.number } };
    expect((await (await handleStripeWebhook(webhook(JSON.stringify(stripeEvent('charge.succeeded', paid))))).json()).status).toBe('accepted');
    await drain();
    expect((await invoiceRow(invoice.id)).status).toBe('PAID');

    const refunded = await handleStripeWebhook(webhook(JSON.stringify(stripeEvent('charge.refunded', paid))));
    expect(await refunded.json()).toMatchObject({ status: 'accepted', type: 'q2c.payment.refunded.v1' });
    await drain();
    const receipt = await db().cashReceipt.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'stripe-test', externalId: paid.id } } });
    expect([receipt.amount, receipt.appliedAmount, receipt.unappliedAmount, receipt.refundedAmount].map((d) => d.toFixed(2))).toEqual(['15.00', '10.00', '0.00', '5.00']);
    const reopened = await invoiceRow(invoice.id);
    expect(reopened.balanceDue.toFixed(2)).toBe('5.00');
    expect(reopened.status).not.toBe('PAID');
    const refundId = fixtureCharge.refunds.data[0]!.id as string;
    expect(await db().cashRefund.findMany({ where: { receiptId: receipt.id } })).toMatchObject([{ externalId: refundId, currency: 'USD', fromUnapplied: expect.anything() }]);
    expect(await db().auditRecord.count({ where: { entityId: receipt.id, action: 'cash-receipt.refunded' } })).toBe(1);
    expect(await db().lineageLink.count({ where: { toId: receipt.id, relation: 'REFUNDS', correlationId: engagement.correlationId } })).toBe(1);

    // Stripe also sends refund.created for the same refund: recorded once, nothing moves again.
    const sameRefund = { ...fixtureCharge.refunds.data[0]!, charge: paid.id };
    expect((await (await handleStripeWebhook(webhook(JSON.stringify(stripeEvent('refund.created', sameRefund))))).json()).status).toBe('accepted');
    await drain();
    expect(await db().cashRefund.count({ where: { receiptId: receipt.id } })).toBe(1);
    expect((await db().cashReceipt.findUniqueOrThrow({ where: { id: receipt.id } })).refundedAmount.toFixed(2)).toBe('5.00');
    expect((await invoiceRow(invoice.id)).balanceDue.toFixed(2)).toBe('5.00');
  });

  it('a refund that arrives before its payment is held, and applied by itself once the payment is recorded', async () => {
    const { client, externalId } = await createPayer({ connectorId: gateway.id, code: gateway.code, kind: 'PAYMENTS' });
    const invoice = await createInvoice(await createEngagement(client.id), { net: '15.00' });
    const fixtureCharge = JSON.parse(fixture('pay-rails__stripe_charge.refunded.data.json')).object as Record<string, unknown> & { refunds: { data: Record<string, unknown>[] } };
    // Its own refund id: the fixture's refund is recorded by the test above.
    const refunds = { ...fixtureCharge.refunds, data: [{ ...fixtureCharge.refunds.data[0], id: `re_early_${Date.now()}` }] };
    const paid = { ...fixtureCharge, id: `ch_early_${Date.now()}`, customer: externalId, metadata: { invoice_number: invoice.number }, refunds };
    await handleStripeWebhook(webhook(JSON.stringify(stripeEvent('charge.refunded', paid))));
    await drain();
    const held = await db().exception.findFirstOrThrow({ where: { code: 'PROCESSING_FAILED', entityType: 'CashRefund', details: { path: ['paymentId'], equals: paid.id } } });
    expect(held.status).toBe('OPEN');

    await handleStripeWebhook(webhook(JSON.stringify(stripeEvent('charge.succeeded', paid))));
    await drain();
    const receipt = await db().cashReceipt.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'stripe-test', externalId: paid.id } } });
    expect(receipt.refundedAmount.toFixed(2)).toBe('5.00');
    expect((await invoiceRow(invoice.id)).balanceDue.toFixed(2)).toBe('5.00');
    expect((await db().exception.findUniqueOrThrow({ where: { id: held.id } })).status).toBe('RESOLVED');
  });

  it.each([
    { name: 'a tampered body', request: (body: string) => new Request(webhook(body).url, { method: 'POST', headers: webhook(body).headers, body: body.replace('125000', '999999') }), failure: 'mismatch' },
    { name: 'a stale timestamp (10 minutes)', request: (body: string) => webhook(body, { timestamp: Math.floor(Date.now() / 1000) - 600 }), failure: 'outside-tolerance' },
    { name: 'another secret', request: (body: string) => webhook(body, { secret: 'whsec_someone_else' }), failure: 'mismatch' },
    { name: 'no signature', request: (body: string) => webhook(body, { header: '' }), failure: 'missing' },
  ])('401: $name is refused and nothing is stored', async ({ request, failure }) => {
    const event = stripeEvent('charge.succeeded', charge());
    const response = await handleStripeWebhook(request(JSON.stringify(event)));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ signatureFailure: failure, detail: expect.stringContaining('Stripe-Signature') });
    expect(await db().inboxEvent.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("Stripe's own endpoint secret (whsec_…) set with rotate --secret: Stripe's signatures verify, the old secret still does during the overlap", async () => {
    const stripeSecret = `whsec_${'x'.repeat(32)}`;
    const previous = gateway.signingSecret!;
    const rotated = await rotateConnector({ code: 'stripe-test', what: 'secret', secret: stripeSecret, overlapHours: 1, actor: { type: 'SYSTEM', id: 'test' } });
    expect(rotated.signingSecret).toBe(stripeSecret);
    for (const secret of [stripeSecret, previous]) {
      const response = await handleStripeWebhook(webhook(JSON.stringify(stripeEvent('charge.succeeded', charge())), { secret }));
      expect(response.status).toBe(200);
    }
  });

  describe('the Stripe fixtures (test/fixtures/external), signed with the stripe library', () => {
    // The stripe-mock Event as Stripe wrote it, byte for byte; the pay-rails charge in an Event envelope, as charge.refunded and as charge.succeeded.
    const chargeObject = JSON.parse(fixture('pay-rails__stripe_charge.refunded.data.json')).object;
    const bodies = [
      { name: 'stripe-mock event (plan.created)', body: fixture('stripe-mock__event.plan.created.json'), answer: { status: 'ignored', type: 'plan.created' } },
      { name: 'pay-rails charge.refunded', body: JSON.stringify({ id: `evt_refund_${Date.now()}`, object: 'event', type: 'charge.refunded', created: 1_351_497_305, data: { object: chargeObject } }), answer: { status: 'accepted', type: 'q2c.payment.refunded.v1' } },
      { name: 'pay-rails charge as charge.succeeded', body: JSON.stringify({ id: `evt_charge_${Date.now()}`, object: 'event', type: 'charge.succeeded', created: 1_351_497_305, data: { object: chargeObject } }), answer: { status: 'accepted', type: 'q2c.payment.received.v1' } },
    ];

    it.each(bodies)('$name: accepted', async ({ body, answer }) => {
      const response = await handleStripeWebhook(webhook(body));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject(answer);
    });

    it.each(bodies)('$name: tampered (one byte) or stale (5 min 1 s) refused', async ({ body }) => {
      const signed = webhook(body);
      const tampered = new Request(signed.url, { method: 'POST', headers: signed.headers, body: body.replace('"id"', '"id" ') });
      expect((await handleStripeWebhook(tampered)).status).toBe(401);
      expect((await handleStripeWebhook(webhook(body, { timestamp: Math.floor(Date.now() / 1000) - 301 }))).status).toBe(401);
    });
  });

  it('401: an unknown connector, or one of another kind', async () => {
    const body = JSON.stringify(stripeEvent('charge.succeeded', charge()));
    expect((await handleStripeWebhook(webhook(body, { connector: 'nope' }))).status).toBe(401);
    expect((await handleStripeWebhook(webhook(body, { connector: 'erp' }))).status).toBe(401);
  });

  it.each([
    { name: 'not JSON', body: '{"id":', status: 400 },
    { name: 'a charge without an amount', body: JSON.stringify(stripeEvent('charge.succeeded', charge({ amount: null }))), status: 400, pointer: '/data/object/amount' },
  ])('$status: $name, as problem+json', async ({ body, status, pointer }) => {
    const response = await handleStripeWebhook(webhook(body));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    if (pointer) expect((await response.json()).pointer).toBe(pointer);
  });
});
