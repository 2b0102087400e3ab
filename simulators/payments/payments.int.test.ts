// The payments simulator over real HTTP into Threadline's real Stripe webhook handler and
// PostgreSQL: its signed charge becomes a cash receipt applied to the invoice; a duplicate
// delivery (the duplicateRate knob) is answered `duplicate` and stored once; a dispute
// reaches the inbox; a wrong endpoint secret is refused and the gateway gives up on a 401.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngagement, createInvoice, createPayer, cashConnectors, invoiceRow } from '../../test/fixtures/cash.ts';
import { testConnector } from '../../test/support/ingest.ts';
import { processInbox, simulatorToken, startIngestServer } from '../../test/support/outbox.ts';
import { db } from '../../lib/db/client.ts';
import { handleStripeWebhook } from '../../lib/ingest/native/stripe/handle-stripe-webhook.ts';
import { rotateConnector } from '../../lib/services/connectors/rotate-connector.ts';
import type { CreatedConnector } from '../../lib/services/connectors/create-connector.ts';
import { startPaymentsSimulator, type RunningPayments, type StartPaymentsOptions } from './server.ts';

const WHSEC = `whsec_${'s'.repeat(32)}`;
let webhookUrl: string;
let gateway: CreatedConnector;
let stopIngest: () => Promise<void>;
let payments: RunningPayments | undefined;
const token = simulatorToken();

beforeAll(async () => {
  await cashConnectors(); // the ERP that applying cash reports to
  gateway = await testConnector({ code: 'stripe-sim', kind: 'PAYMENTS', sources: ['/test/stripe-sim'], withSigningSecret: true });
  // Stripe issues the endpoint secret; the connector stores it (docs/CONNECTORS.md).
  await rotateConnector({ code: 'stripe-sim', what: 'secret', secret: WHSEC, overlapHours: 0, actor: { type: 'SYSTEM', id: 'test' } });
  const ingest = await startIngestServer(handleStripeWebhook, '/api/v1/webhooks/stripe');
  webhookUrl = `${ingest.url}?connector=stripe-sim`;
  stopIngest = ingest.stop;
  return () => stopIngest();
});
afterEach(async () => {
  await payments?.stop();
  payments = undefined;
});

async function start(options: Partial<StartPaymentsOptions> = {}) {
  payments = await startPaymentsSimulator({ port: 0, token, webhook: { url: webhookUrl, secret: WHSEC }, ...options });
  return payments;
}
async function post(path: string, body: unknown, key?: string) {
  const response = await fetch(`${payments!.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('payments simulator → POST /api/v1/webhooks/stripe', () => {
  it('a charge is signed like Stripe and becomes a cash receipt applied to the invoice it names', async () => {
    await start();
    const { client, externalId } = await createPayer({ connectorId: gateway.id, code: gateway.code, kind: 'PAYMENTS' });
    const invoice = await createInvoice(await createEngagement(client.id), { net: '1250.00' });
    const charge = await post('/v1/charges', { amount: 125_000, currency: 'USD', customer: externalId, billingName: 'Acme GmbH', invoiceNumber: invoice.number });
    expect(charge.status).toBe(200);
    await payments!.emitter.flush();
    expect(payments!.emitter.stats).toMatchObject({ emitted: 1, delivered: 1, failed: 0 });
    await processInbox();
    const receipt = await db().cashReceipt.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'stripe-sim', externalId: charge.body.id as string } } });
    expect({ amount: receipt.amount.toFixed(2), currency: receipt.currency, clientId: receipt.clientId, status: receipt.status }).toEqual({ amount: '1250.00', currency: 'USD', clientId: client.id, status: 'APPLIED' });
    expect((await invoiceRow(invoice.id)).status).toBe('PAID');
  });

  it('business-dated (the demo loader), a charge keeps the day it was made: the receipt is received and applied then; without the knob created is refused', async () => {
    await start();
    const { client, externalId } = await createPayer({ connectorId: gateway.id, code: gateway.code, kind: 'PAYMENTS' });
    const invoice = await createInvoice(await createEngagement(client.id), { net: '300.00' });
    const created = Date.parse('2026-03-10T10:00:00Z') / 1000;
    expect((await post('/v1/charges', { amount: 30_000, currency: 'USD', customer: externalId, invoiceNumber: invoice.number, created })).status).toBe(400);
    payments!.setFaults({ businessDated: true });
    const charge = await post('/v1/charges', { amount: 30_000, currency: 'USD', customer: externalId, invoiceNumber: invoice.number, created });
    expect(charge.status).toBe(200);
    await payments!.emitter.flush();
    await processInbox();
    const receipt = await db().cashReceipt.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'stripe-sim', externalId: charge.body.id as string } }, include: { applications: true } });
    expect(receipt.receivedAt.toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(receipt.applications.map((a) => a.appliedAt.toISOString())).toEqual(['2026-03-10T10:00:00.000Z']);
  });

  it('a refund is sent as charge.refunded: the refunded part leaves the receipt and the invoice reopens by it; too much is refused', async () => {
    await start();
    const { client, externalId } = await createPayer({ connectorId: gateway.id, code: gateway.code, kind: 'PAYMENTS' });
    const invoice = await createInvoice(await createEngagement(client.id), { net: '1250.00' });
    const charge = await post('/v1/charges', { amount: 125_000, currency: 'USD', customer: externalId, invoiceNumber: invoice.number });
    const refund = await post('/v1/refunds', { charge: charge.body.id, amount: 25_000, reason: 'requested_by_customer' });
    expect(refund).toMatchObject({ status: 200, body: { object: 'refund', amount: 25_000, charge: charge.body.id } });
    expect((await post('/v1/refunds', { charge: charge.body.id, amount: 100_001 })).status).toBe(422);
    expect((await post('/v1/refunds', { charge: 'ch_unknown' })).status).toBe(404);
    await payments!.emitter.flush();
    expect(payments!.emitter.stats).toMatchObject({ emitted: 2, delivered: 2, failed: 0 });
    await processInbox();
    const receipt = await db().cashReceipt.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'stripe-sim', externalId: charge.body.id as string } } });
    expect([receipt.appliedAmount, receipt.refundedAmount].map((d) => d.toFixed(2))).toEqual(['1000.00', '250.00']);
    expect((await invoiceRow(invoice.id)).balanceDue.toFixed(2)).toBe('250.00');
    expect(await db().cashRefund.findMany({ where: { receiptId: receipt.id }, select: { externalId: true } })).toEqual([{ externalId: refund.body.id }]);
  });

  it('a duplicate delivery is answered duplicate and stored once; the same Idempotency-Key makes no second charge', async () => {
    await start({ faults: { duplicateRate: 1 } });
    const first = await post('/v1/charges', { amount: 5_000, currency: 'eur' }, 'charge-key-1');
    const replay = await post('/v1/charges', { amount: 5_000, currency: 'eur' }, 'charge-key-1');
    expect(replay.body.id).toBe(first.body.id);
    expect(payments!.charges.size).toBe(1);
    await payments!.emitter.flush();
    // Both copies were acknowledged (200 accepted, then 200 duplicate): Stripe stops retrying.
    expect(payments!.emitter.stats).toMatchObject({ emitted: 1, duplicatesSent: 1, delivered: 2, failed: 0 });
    const rows = await db().inboxEvent.findMany({ where: { source: '/test/stripe-sim', subject: first.body.id as string } });
    expect(rows).toHaveLength(1);
  });

  it('lost response after commit: the charge is made and its webhook sent; the retry under the same key gets that charge', async () => {
    await start({ faults: { lostResponseRate: 1 } });
    const body = { amount: 4_200, currency: 'usd' };
    await expect(post('/v1/charges', body, 'lost-1')).rejects.toThrow();
    expect(payments!.charges.size).toBe(1);
    await payments!.setFaults({ lostResponseRate: 0 });
    const retry = await post('/v1/charges', body, 'lost-1');
    expect(retry.body.id).toBe([...payments!.charges.keys()][0]);
    await payments!.emitter.flush();
    expect(payments!.emitter.stats).toMatchObject({ emitted: 1, delivered: 1 });
    expect(await db().inboxEvent.count({ where: { source: '/test/stripe-sim', subject: retry.body.id as string } })).toBe(1);
  });

  it('a dispute on a charge becomes q2c.payment.disputed.v1; a dispute on an unknown charge is 404', async () => {
    await start();
    const charge = await post('/v1/charges', { amount: 9_900, currency: 'usd' });
    const dispute = await post('/v1/disputes', { charge: charge.body.id, reason: 'fraudulent' });
    expect(dispute.status).toBe(200);
    expect((await post('/v1/disputes', { charge: 'ch_nope' })).status).toBe(404);
    await payments!.emitter.flush();
    const row = await db().inboxEvent.findFirstOrThrow({ where: { source: '/test/stripe-sim', type: 'q2c.payment.disputed.v1', subject: dispute.body.id as string } });
    expect((row.payload as { data: unknown }).data).toMatchObject({ paymentId: charge.body.id, amount: '99.00', currency: 'USD', reason: 'fraudulent' });
  });

  it('signed with another secret: refused (401), not retried, counted as failed, nothing stored', async () => {
    await start({ webhook: { url: webhookUrl, secret: 'whsec_not_the_endpoint_secret' } });
    const charge = await post('/v1/charges', { amount: 100, currency: 'usd' });
    await payments!.emitter.flush();
    expect(payments!.emitter.stats).toMatchObject({ emitted: 1, sent: 1, delivered: 0, failed: 1 });
    expect(await db().inboxEvent.count({ where: { subject: charge.body.id as string } })).toBe(0);
  });

  it('400 with a pointer for a bad charge; 401 without the token', async () => {
    await start();
    const bad = await post('/v1/charges', { amount: -1, currency: 'dollars' });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/amount', '/currency']);
    const anonymous = await fetch(`${payments!.url}/v1/charges`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
  });
});
