// Stripe events → canonical CloudEvents, on the real Stripe fixtures (test/fixtures/external)
// and on events built from them; every mapped event must pass our own catalog schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventCatalog } from '../../schemas/catalog.ts';
import { mapStripeEvent, stripeAmountToDecimal } from './map-stripe-event.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/external');
const load = (file: string) => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
const chargeData = load('pay-rails__stripe_charge.refunded.data.json') as { object: Record<string, unknown> };
const charge = chargeData.object;
const SOURCE = '/demo/payments';

const envelope = (type: string, object: unknown, id = 'evt_test_1') => ({ id, object: 'event', type, created: 1_700_000_000, data: { object } });
const refund = (charge.refunds as { data: Record<string, unknown>[] }).data[0]!;
const dispute = { id: 'dp_1', object: 'dispute', amount: 1500, currency: 'usd', charge: 'ch_chargeid', reason: 'fraudulent', created: 1_700_000_100 };

describe('stripeAmountToDecimal', () => {
  it.each([
    [1500, 'USD', '15.00'],
    [1, 'EUR', '0.01'],
    [123456789012, 'USD', '1234567890.12'],
    [2700, 'JPY', '2700'],
    [1234, 'KWD', '1.234'],
  ])('%i %s → %s', (amount, currency, expected) => expect(stripeAmountToDecimal(amount, currency)).toBe(expected));
});

describe('mapStripeEvent', () => {
  it('charge.succeeded (the pay-rails charge) → q2c.payment.received.v1 keyed by the Stripe event id, valid against the catalog', () => {
    const mapped = mapStripeEvent(envelope('charge.succeeded', charge), SOURCE);
    expect(mapped).toEqual({
      kind: 'event',
      event: {
        specversion: '1.0',
        id: 'evt_test_1',
        source: SOURCE,
        type: 'q2c.payment.received.v1',
        subject: 'ch_chargeid',
        time: '2023-11-14T22:13:20Z',
        data: { paymentId: 'ch_chargeid', amount: '15.00', currency: 'USD', payer: { externalId: 'cus_0dUMWLtzCTagWs' }, receivedAt: '2012-10-29T07:55:05Z' },
      },
    });
    if (mapped.kind !== 'event') throw new Error('mapped');
    expect(eventCatalog['q2c.payment.received.v1'].schema.safeParse(mapped.event.data).success).toBe(true);
  });

  it.each([
    { metadata: { invoice_number: 'INV-1001' }, expected: { remittance: [{ invoiceNumber: 'INV-1001', amount: '15.00' }] } },
    { metadata: { invoice_numbers: 'INV-1, INV-2' }, expected: { remittanceReferences: ['INV-1', 'INV-2'] } },
    { metadata: {}, expected: {} },
  ])('remittance from metadata $metadata', ({ metadata, expected }) => {
    const mapped = mapStripeEvent(envelope('charge.succeeded', { ...charge, metadata, billing_details: { name: 'Acme GmbH' } }), SOURCE);
    if (mapped.kind !== 'event') throw new Error(JSON.stringify(mapped));
    const data = mapped.event.data as Record<string, unknown>;
    expect(data).toMatchObject({ payer: { externalId: 'cus_0dUMWLtzCTagWs', name: 'Acme GmbH' }, ...expected });
    if (!('remittance' in expected)) expect(data.remittance).toBeUndefined();
  });

  it('charge.dispute.created → q2c.payment.disputed.v1 naming the charge, valid against the catalog', () => {
    const mapped = mapStripeEvent(envelope('charge.dispute.created', dispute, 'evt_dp'), SOURCE);
    if (mapped.kind !== 'event') throw new Error(JSON.stringify(mapped));
    expect(mapped.event).toMatchObject({ id: 'evt_dp', type: 'q2c.payment.disputed.v1', subject: 'dp_1' });
    expect(mapped.event.data).toEqual({ disputeId: 'dp_1', paymentId: 'ch_chargeid', amount: '15.00', currency: 'USD', reason: 'fraudulent', openedAt: '2023-11-14T22:15:00Z' });
    expect(eventCatalog['q2c.payment.disputed.v1'].schema.safeParse(mapped.event.data).success).toBe(true);
  });

  it('charge.refunded (the pay-rails fixture: 5.00 of 15.00 refunded) → q2c.payment.refunded.v1 for its refund, valid against the catalog', () => {
    const mapped = mapStripeEvent(envelope('charge.refunded', charge, 'evt_re'), SOURCE);
    if (mapped.kind !== 'event') throw new Error(JSON.stringify(mapped));
    expect(mapped.event).toMatchObject({ id: 'evt_re', type: 'q2c.payment.refunded.v1', subject: 'ch_chargeid' });
    expect(mapped.event.data).toEqual({ refundId: 're_3LQOJoKXBGcbgpbZ10i9Mg75', paymentId: 'ch_chargeid', amount: '5.00', currency: 'USD', reason: 'requested_by_customer', refundedAt: '2022-07-28T04:27:45Z' });
    expect(eventCatalog['q2c.payment.refunded.v1'].schema.safeParse(mapped.event.data).success).toBe(true);
  });

  it('charge.refunded after a second refund maps the newest one; refund.created maps the refund object (same refund id: counted once downstream)', () => {
    const second = { ...refund, id: 're_second', amount: 250, created: (refund.created as number) + 60 };
    const mapped = mapStripeEvent(envelope('charge.refunded', { ...charge, amount_refunded: 750, refunds: { object: 'list', data: [second, refund] } }), SOURCE);
    if (mapped.kind !== 'event') throw new Error(JSON.stringify(mapped));
    expect(mapped.event.data).toMatchObject({ refundId: 're_second', amount: '2.50' });
    const created = mapStripeEvent(envelope('refund.created', refund, 'evt_rc'), SOURCE);
    if (created.kind !== 'event') throw new Error(JSON.stringify(created));
    // The refund object names its own charge (in this hand-assembled fixture another id than the charge's).
    expect(created.event).toMatchObject({ type: 'q2c.payment.refunded.v1', subject: 'ch_3LQOJoKXBGcbgpbZ1ZhroS8X', data: { refundId: 're_3LQOJoKXBGcbgpbZ10i9Mg75', paymentId: 'ch_3LQOJoKXBGcbgpbZ1ZhroS8X', amount: '5.00' } });
  });

  it.each([
    { name: 'the stripe-mock plan.created fixture', event: load('stripe-mock__event.plan.created.json'), reason: /Not an event type/ },
    { name: 'charge.refunded of a charge that does not list its refunds', event: envelope('charge.refunded', { ...charge, refunds: undefined }), reason: /refund.created carries each refund/ },
    { name: 'a failed refund', event: envelope('refund.created', { ...refund, status: 'failed' }), reason: /failed: no money left/ },
    { name: 'charge.refund.updated', event: envelope('charge.refund.updated', refund), reason: /Only new refunds/ },
    { name: 'payment_intent.succeeded', event: envelope('payment_intent.succeeded', { id: 'pi_1' }), reason: /charge.succeeded/ },
  ])('$name → ignored with the reason', ({ event, reason }) => {
    expect(mapStripeEvent(event, SOURCE)).toMatchObject({ kind: 'ignored', id: event.id, type: event.type, reason: expect.stringMatching(reason) });
  });

  it.each([
    { name: 'not an object', event: [], pointer: '' },
    { name: 'no id', event: { ...envelope('charge.succeeded', charge), id: undefined }, pointer: '/id' },
    { name: 'no type', event: { ...envelope('charge.succeeded', charge), type: '' }, pointer: '/type' },
    { name: 'no created', event: { ...envelope('charge.succeeded', charge), created: 'yesterday' }, pointer: '/created' },
    { name: 'no object', event: envelope('charge.succeeded', null), pointer: '/data/object/id' },
    { name: 'unknown currency', event: envelope('charge.succeeded', { ...charge, currency: 'xxx' }), pointer: '/data/object/currency' },
    { name: 'fractional amount', event: envelope('charge.succeeded', { ...charge, amount: 15.5 }), pointer: '/data/object/amount' },
    { name: 'zero amount', event: envelope('charge.succeeded', { ...charge, amount: 0 }), pointer: '/data/object/amount' },
    { name: 'a dispute without its charge', event: envelope('charge.dispute.created', { ...dispute, charge: null }), pointer: '/data/object/charge' },
    { name: 'a refund without its charge', event: envelope('refund.created', { ...refund, charge: null }), pointer: '/data/object/charge' },
    { name: 'a listed refund without an amount', event: envelope('charge.refunded', { ...charge, refunds: { data: [{ ...refund, amount: null }] } }), pointer: '/data/object/refunds/data/0/amount' },
  ])('invalid: $name → pointer $pointer', ({ event, pointer }) => {
    expect(mapStripeEvent(event, SOURCE)).toMatchObject({ kind: 'invalid', pointer, message: expect.any(String) });
  });
});
