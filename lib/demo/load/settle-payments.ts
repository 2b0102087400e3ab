// Carries out the payment plans that fall due: euro transfers as credits on the simulated
// bank's EUR account, sent as one camt.053 statement; transfers in other currencies as the
// other banks' payment events (CloudEvents from the bank connector, payer known by name
// only); card payments as charges on the simulated gateway (Stripe webhooks), some
// disputed; short pays as remittance advices with their deduction and reason code.
import { dec } from '../../domain/money/decimal.ts';
import type { PaymentPlan } from '../payment-plan.ts';
import type { DemoEvent } from '../types.ts';
import { inParallel } from './settle.ts';
import type { SimulatorClient } from './simulator-client.ts';
import type { ThreadlineClient } from './threadline-client.ts';

/** The currency of the simulated bank's account (camt.053); the other accounts report by API. */
export const CAMT_ACCOUNT_CURRENCY = 'EUR';

export interface DuePayment {
  plan: PaymentPlan;
  currency: string;
  payer: { externalId: string; name: string };
}

/** The gateway takes amounts in minor units up to 99,999,999; larger ones go by bank transfer. */
const CARD_LIMIT_MINOR = 99_999_999;

export async function settlePayments(o: { due: readonly DuePayment[]; threadline: ThreadlineClient; simulators: SimulatorClient }): Promise<{ bank: number; card: number; disputed: number; remittances: number }> {
  const counts = { bank: 0, card: 0, disputed: 0, remittances: 0 };
  const advices: DemoEvent[] = [];
  const bank: DuePayment[] = [];
  const cards: DuePayment[] = [];
  for (const payment of o.due) {
    const { plan } = payment;
    if (plan.channel === 'remittance') advices.push(remittanceAdvice(payment, plan));
    else if (plan.channel === 'card' && dec(plan.amount).times(100).lte(CARD_LIMIT_MINOR)) cards.push(payment);
    else if (payment.currency === CAMT_ACCOUNT_CURRENCY) bank.push(payment);
    else advices.push(bankPayment(payment));
  }
  await inParallel(bank, 6, async ({ plan, currency, payer }) => {
    await o.simulators.post('bank', 'v1/credits', { amount: plan.amount, currency, debtorName: payer.name.slice(0, 140), invoiceNumber: plan.reference, valueDate: plan.on });
    counts.bank += 1;
  });
  if (bank.length > 0) await o.simulators.post('bank', 'v1/statements', {});
  await inParallel(cards, 6, async ({ plan, currency, payer }) => {
    const charge = await o.simulators.post<{ id: string }>('payments', 'v1/charges', {
      amount: dec(plan.amount).times(100).toNumber(),
      currency: currency.toLowerCase(),
      customer: payer.externalId,
      billingName: payer.name.slice(0, 255),
      invoiceNumber: plan.reference,
      // The gateway is business-dated while the loader plays: the card is charged on the plan's day.
      created: Math.floor(Date.parse(paidAt(plan.on)) / 1000),
    });
    counts.card += 1;
    if (plan.channel === 'card' && plan.dispute) {
      await o.simulators.post('payments', 'v1/disputes', { charge: charge.id, reason: 'product_not_received' });
      counts.disputed += 1;
    }
  });
  if (advices.length > 0) {
    await o.threadline.sendEvents(advices);
    counts.remittances += advices.length;
  }
  return counts;
}

function remittanceAdvice(payment: DuePayment, plan: Extract<PaymentPlan, { channel: 'remittance' }>): DemoEvent {
  return paymentEvent({
    paymentId: `RA-${plan.reference}`,
    on: plan.on,
    amount: plan.amount,
    currency: payment.currency,
    payer: { externalId: payment.payer.externalId, name: payment.payer.name },
    remittance: [{ invoiceNumber: plan.reference, amount: plan.amount, deduction: plan.deduction, reasonCode: plan.reasonCode }],
  });
}

/** A credit on one of the firm's non-euro accounts, as that bank's API reports it: the payer by name only. */
export function bankPayment(payment: { plan: { on: string; amount: string; reference?: string }; currency: string; payer: { name: string } }, text?: string): DemoEvent {
  const { plan } = payment;
  return paymentEvent({
    paymentId: `BNK-${payment.currency}-${plan.reference ?? text ?? ''}-${plan.on}`,
    on: plan.on,
    amount: plan.amount,
    currency: payment.currency,
    payer: { name: payment.payer.name },
    ...(plan.reference ? { remittance: [{ invoiceNumber: plan.reference, amount: plan.amount }] } : {}),
  });
}

/** q2c.payment.received.v1 from the bank connector. */
function paymentEvent(o: { paymentId: string; on: string; amount: string; currency: string; payer: Record<string, string>; remittance?: Record<string, string>[] }): DemoEvent {
  const receivedAt = paidAt(o.on);
  return {
    id: `demo-pay-${o.paymentId}`,
    connector: 'bank',
    source: '/demo/bank',
    type: 'q2c.payment.received.v1',
    subject: o.paymentId,
    time: receivedAt,
    data: { paymentId: o.paymentId, amount: o.amount, currency: o.currency, payer: o.payer, ...(o.remittance ? { remittance: o.remittance } : {}), receivedAt },
  };
}

/** When a payment planned for a day arrives: mid-morning UTC. */
const paidAt = (on: string) => `${on}T10:00:00Z`;
