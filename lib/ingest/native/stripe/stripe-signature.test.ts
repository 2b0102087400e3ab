// Stripe-Signature headers made by Stripe's own library (stripe.webhooks.generateTestHeaderString)
// verified by our code (lib/ingest/auth/signature.ts): the schemes must be the same.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { checkSignature } from '../../auth/signature.ts';

const stripe = new Stripe('sk_test_unused');
const SECRET = 'whsec_test_secret';
const secrets = [{ id: 's1', secret: SECRET, activeFrom: new Date(0), expiresAt: null }];
const payload = JSON.stringify({ id: 'evt_1', type: 'charge.succeeded' });
const now = new Date('2026-12-04T12:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const check = (header: string | null, body = payload, at = now) => checkSignature({ secrets, header, rawBody: body, now: at, headerName: 'Stripe-Signature' });

describe('Stripe-Signature made by the stripe library', () => {
  it('accepted', () => {
    expect(check(stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t }))).toMatchObject({ ok: true });
  });

  it('accepted when one of several v1 values matches (Stripe rolling its secret)', () => {
    const good = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t });
    const other = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_old', timestamp: t });
    expect(check(`${other},${good.split(',')[1]}`)).toMatchObject({ ok: true });
  });

  it.each([
    { name: 'a tampered body', header: () => stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t }), body: payload.replace('evt_1', 'evt_2'), failure: 'mismatch' },
    { name: 'another secret', header: () => stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other', timestamp: t }), body: payload, failure: 'mismatch' },
    { name: 'a stale timestamp (301 s)', header: () => stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t - 301 }), body: payload, failure: 'outside-tolerance' },
    { name: 'a timestamp from the future (301 s)', header: () => stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t + 301 }), body: payload, failure: 'outside-tolerance' },
    { name: 'no header', header: () => null, body: payload, failure: 'missing' },
    { name: 'a v0 signature only', header: () => `t=${t},v0=${'a'.repeat(64)}`, body: payload, failure: 'malformed' },
  ])('refused: $name', ({ header, body, failure }) => {
    const result = check(header(), body);
    expect(result).toMatchObject({ ok: false, failure });
    if (!result.ok) expect(result.detail).toContain('Stripe-Signature');
  });

  it('still accepted at 300 s', () => {
    expect(check(stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t - 300 }))).toMatchObject({ ok: true });
  });
});
