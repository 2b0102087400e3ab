// Maps a Stripe webhook Event to the canonical CloudEvents of our catalog (pure, no I/O).
// The Stripe event id is the CloudEvent id, so a webhook Stripe delivers again is a
// duplicate in the inbox. What maps:
//   charge.succeeded        -> q2c.payment.received.v1 (paymentId = the charge id, which
//                              disputes name too; payment_intent.succeeded is the same money
//                              and is ignored so a payment is never counted twice)
//   charge.dispute.created  -> q2c.payment.disputed.v1
//   refund.created          -> q2c.payment.refunded.v1 (the refund object: id, charge, amount)
//   charge.refunded         -> q2c.payment.refunded.v1 for the newest refund in the charge's
//                              refunds list (each refund sends its own charge.refunded); the
//                              refund id is the dedupe key, so refund.created and
//                              charge.refunded of one refund count once
// Everything else is acknowledged and ignored, with the reason.
import { Decimal } from '../../../domain/money/decimal.ts';
import { isKnownCurrency, minorUnits } from '../../../domain/money/currency.ts';

export type StripeMapping =
  | { kind: 'event'; event: Record<string, unknown> }
  | { kind: 'ignored'; id: string; type: string; reason: string }
  | { kind: 'invalid'; pointer: string; message: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Stripe amounts are integers in the currency's smallest unit (cents; yen for JPY). */
export function stripeAmountToDecimal(amount: number, currency: string): string {
  const places = minorUnits(currency);
  return new Decimal(amount).div(new Decimal(10).pow(places)).toFixed(places);
}

const isoFromUnix = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function money(object: Json, pointer: string): { amount: string; currency: string } | { invalid: StripeMapping } {
  const currency = typeof object.currency === 'string' ? object.currency.toUpperCase() : '';
  if (!isKnownCurrency(currency)) return { invalid: { kind: 'invalid', pointer: `${pointer}/currency`, message: `Unknown or missing currency ${JSON.stringify(object.currency)}.` } };
  if (typeof object.amount !== 'number' || !Number.isSafeInteger(object.amount) || object.amount <= 0) {
    return { invalid: { kind: 'invalid', pointer: `${pointer}/amount`, message: 'Expected a positive integer amount in the currency’s smallest unit.' } };
  }
  return { amount: stripeAmountToDecimal(object.amount, currency), currency };
}

/** Invoice numbers a charge names in its metadata (invoice_number, or invoice_numbers comma-separated). */
function invoiceNumbersOf(metadata: unknown): string[] {
  if (!isObject(metadata)) return [];
  const single = text(metadata.invoice_number) ?? text(metadata.invoiceNumber);
  if (single) return [single.trim()];
  const many = text(metadata.invoice_numbers);
  return many ? many.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function mapStripeEvent(stripeEvent: unknown, source: string): StripeMapping {
  if (!isObject(stripeEvent)) return { kind: 'invalid', pointer: '', message: 'Expected a Stripe Event object.' };
  const id = text(stripeEvent.id);
  const type = text(stripeEvent.type);
  if (!id) return { kind: 'invalid', pointer: '/id', message: 'Required: the Stripe event id (evt_…).' };
  if (!type) return { kind: 'invalid', pointer: '/type', message: 'Required: the Stripe event type.' };
  if (typeof stripeEvent.created !== 'number' || !Number.isSafeInteger(stripeEvent.created)) return { kind: 'invalid', pointer: '/created', message: 'Required: created, in Unix seconds.' };
  const object = isObject(stripeEvent.data) ? stripeEvent.data.object : undefined;
  const envelope = { specversion: '1.0', id, source, time: isoFromUnix(stripeEvent.created) };

  if (type === 'charge.succeeded' || type === 'charge.dispute.created') {
    if (!isObject(object) || !text(object.id)) return { kind: 'invalid', pointer: '/data/object/id', message: `A ${type} event carries the object with its id.` };
    const m = money(object, '/data/object');
    if ('invalid' in m) return m.invalid;
    const created = typeof object.created === 'number' ? isoFromUnix(object.created) : envelope.time;

    if (type === 'charge.succeeded') {
      const billing = isObject(object.billing_details) ? object.billing_details : {};
      const invoices = invoiceNumbersOf(object.metadata);
      const data: Json = {
        paymentId: object.id,
        amount: m.amount,
        currency: m.currency,
        payer: { ...(text(object.customer) ? { externalId: object.customer } : {}), ...(text(billing.name) ? { name: billing.name } : {}) },
        receivedAt: created,
      };
      // One invoice named: the whole charge pays it. Several: the amounts per invoice are
      // unknown, so they go as references only and cash application decides.
      if (invoices.length === 1) data.remittance = [{ invoiceNumber: invoices[0], amount: m.amount }];
      else if (invoices.length > 1) data.remittanceReferences = invoices;
      return { kind: 'event', event: { ...envelope, type: 'q2c.payment.received.v1', subject: object.id, data } };
    }

    const charge = text(object.charge);
    if (!charge) return { kind: 'invalid', pointer: '/data/object/charge', message: 'A dispute names the disputed charge.' };
    return {
      kind: 'event',
      event: {
        ...envelope,
        type: 'q2c.payment.disputed.v1',
        subject: object.id,
        data: { disputeId: object.id, paymentId: charge, amount: m.amount, currency: m.currency, reason: text(object.reason) ?? 'unspecified', openedAt: created },
      },
    };
  }

  if (type === 'refund.created' || type === 'charge.refunded') return mapRefund(type, object, envelope);

  const reason =
    type === 'payment_intent.succeeded'
      ? 'The same money arrives as charge.succeeded, which is the one mapped.'
      : type.startsWith('charge.refund.') || type.startsWith('refund.')
        ? 'Only new refunds are mapped (refund.created, charge.refunded); updates of a refund change no money here.'
        : 'Not an event type Threadline maps.';
  return { kind: 'ignored', id, type, reason };
}

// The refund of refund.created is the event's object; charge.refunded carries the charge,
// whose refunds list (newest first, as Stripe sorts it) names the refund that caused it.
// Without that list (API versions that do not expand it) the event says which charge but
// not which refund: ignored, refund.created carries it.
function mapRefund(type: string, object: unknown, envelope: { specversion: string; id: string; source: string; time: string }): StripeMapping {
  if (!isObject(object) || !text(object.id)) return { kind: 'invalid', pointer: '/data/object/id', message: `A ${type} event carries the object with its id.` };
  let refund: Json;
  let paymentId: string | undefined;
  let pointer = '/data/object';
  if (type === 'refund.created') {
    refund = object;
    paymentId = text(object.charge);
    if (!paymentId) return { kind: 'invalid', pointer: '/data/object/charge', message: 'A refund names the refunded charge.' };
  } else {
    const list = isObject(object.refunds) && Array.isArray(object.refunds.data) ? object.refunds.data.filter(isObject) : [];
    const newest = list.reduce<Json | undefined>((latest, r) => (latest === undefined || Number(r.created) > Number(latest.created) ? r : latest), undefined);
    if (!newest) return { kind: 'ignored', id: envelope.id, type, reason: 'The charge does not list its refunds; refund.created carries each refund.' };
    refund = newest;
    paymentId = object.id as string;
    pointer = `/data/object/refunds/data/${list.indexOf(newest)}`;
  }
  const refundId = text(refund.id);
  if (!refundId) return { kind: 'invalid', pointer: `${pointer}/id`, message: 'A refund has its id (re_…).' };
  if (refund.status === 'failed' || refund.status === 'canceled') return { kind: 'ignored', id: envelope.id, type, reason: `Refund ${refundId} is ${String(refund.status)}: no money left.` };
  const m = money(refund, pointer);
  if ('invalid' in m) return m.invalid;
  const refundedAt = typeof refund.created === 'number' ? isoFromUnix(refund.created) : envelope.time;
  return {
    kind: 'event',
    event: {
      ...envelope,
      type: 'q2c.payment.refunded.v1',
      subject: paymentId,
      data: { refundId, paymentId, amount: m.amount, currency: m.currency, ...(text(refund.reason) ? { reason: refund.reason } : {}), refundedAt },
    },
  };
}
