// What the engagements, invoices and cash specs need, created from outside as connected
// systems and people would: a fixed-fee quote accepted in the CRM (the simulated PSA
// activates it), a milestone reported complete by the PSA, the billing run as FINANCE, and
// payments from the gateway. Every id is fresh, so the specs work on any database.
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { demoUser } from '../access/demo-users';
import { sendEvent } from '../ingest/connectors';

const finance = () => ({ authorization: `Bearer ${demoUser('FINANCE').apiToken}` });

export const short = () => randomUUID().slice(0, 8).toUpperCase();

const send = (request: APIRequestContext, system: 'crm' | 'psa' | 'payments', type: string, subject: string, data: Record<string, unknown>) => sendEvent(request, system, { type, subject, data });

export interface FixedFeeEngagement {
  id: string;
  code: string;
  clientName: string;
  milestones: { ref: string; name: string; amount: string }[];
}

/** A fixed-fee quote with two milestones, accepted and activated (the PSA simulator creates the project). */
export async function acceptFixedFeeQuote(request: APIRequestContext, options: { amounts?: [string, string] } = {}): Promise<FixedFeeEngagement> {
  const tag = short();
  const clientExternalId = `E2E-MONEY-${tag}`;
  const [a, b] = options.amounts ?? ['12345.67', '7654.33'];
  const milestones = [
    { ref: 'M1', name: `Design ${tag}`, amount: a, dueDate: '2026-12-31' },
    { ref: 'M2', name: `Go-live ${tag}`, amount: b, dueDate: '2027-03-31' },
  ];
  const total = (Number(a) * 100 + Number(b) * 100) / 100; // test data only: whole cents, exact
  await send(request, 'crm', 'q2c.quote.accepted.v1', `Q-E2E-${tag}`, {
    quoteId: `Q-E2E-${tag}`,
    quoteVersion: 1,
    client: { externalId: clientExternalId, name: `Money Test ${tag}`, legalEntityCode: 'US01' },
    currency: 'USD',
    billingModel: 'FIXED_FEE_MILESTONE',
    lines: [{ sku: 'FF-TRANSFORM', description: 'Transformation program', quantity: 1, unitPrice: total.toFixed(2) }],
    milestones,
    rateCardCode: 'STD-USD',
    estimatedCost: '9000.00',
    taxProfile: { nexus: 'US-NY', exempt: true },
    acceptedAt: new Date().toISOString(),
  });
  let found: { id: string; code: string; status: string } | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/v1/engagements?clientExternalId=${clientExternalId}`, { headers: finance() });
        found = ((await response.json()) as { items: { id: string; code: string; status: string }[] }).items[0];
        return found?.status;
      },
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toBe('ACTIVE');
  return { id: found!.id, code: found!.code, clientName: `Money Test ${tag}`, milestones };
}

/** The PSA reports a milestone complete and approved by the PM, without evidence. */
export async function completeMilestone(request: APIRequestContext, engagement: FixedFeeEngagement, ref: string): Promise<void> {
  await send(request, 'psa', 'q2c.milestone.completed.v1', `${engagement.code}:${ref}`, { engagementRef: engagement.code, milestoneRef: ref, completedAt: new Date().toISOString(), approvedBy: 'pm@example.com' });
  await expect
    .poll(async () => (await engagementDetail(request, engagement.id)).milestones.find((m) => m.ref === ref)?.status, { timeout: 30_000, intervals: [250, 500, 1000] })
    .toBe('COMPLETED');
}

export async function engagementDetail(request: APIRequestContext, id: string): Promise<{ milestones: { id: string; ref: string; status: string }[] }> {
  const response = await request.get(`/api/v1/engagements/${id}`, { headers: finance() });
  expect(response.status()).toBe(200);
  return response.json();
}

/** Attaches evidence through the API as DELIVERY (for specs that need a billable milestone). */
export async function attachEvidence(request: APIRequestContext, milestoneId: string): Promise<void> {
  const response = await request.post(`/api/v1/milestones/${milestoneId}/evidence`, {
    headers: { authorization: `Bearer ${demoUser('DELIVERY').apiToken}` },
    data: { uri: `https://dms.example.com/e2e/${short()}.pdf`, sha256: randomUUID().replaceAll('-', '').repeat(2) },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export interface IssuedInvoice {
  id: string;
  number: string;
  total: string;
  balanceDue: string;
}

/** Runs billing as FINANCE and returns the engagement's issued invoices. */
export async function billEngagement(request: APIRequestContext, engagementId: string, count = 1): Promise<IssuedInvoice[]> {
  const asOf = new Date().toISOString().slice(0, 10);
  const run = await request.post('/api/v1/billing/runs', { headers: finance(), data: { asOf } });
  expect(run.status(), await run.text()).toBe(200);
  let invoices: IssuedInvoice[] = [];
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/v1/invoices?engagementId=${engagementId}`, { headers: finance() });
        invoices = ((await response.json()) as { items: (IssuedInvoice & { status: string })[] }).items.filter((i) => i.status === 'ISSUED' || i.status === 'POSTED');
        return invoices.length;
      },
      { timeout: 30_000, intervals: [500, 1000] },
    )
    .toBe(count);
  return invoices;
}

/** A payment from the gateway; with `remittance` naming invoices, without a payer id. */
export async function receivePayment(request: APIRequestContext, options: { amount: string; payerName: string; remittance?: { invoiceNumber: string; amount: string; deduction?: string; reasonCode?: string }[] }): Promise<string> {
  const paymentId = `pay_e2e_${short()}`;
  await send(request, 'payments', 'q2c.payment.received.v1', paymentId, { paymentId, amount: options.amount, currency: 'USD', payer: { name: options.payerName }, remittance: options.remittance, receivedAt: new Date().toISOString() });
  return paymentId;
}

/** Waits until the worker has applied a payment to the invoice (its status changed). */
export async function waitForInvoiceStatus(request: APIRequestContext, invoiceId: string, status: string): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/invoices/${invoiceId}`, { headers: finance() })).json()) as { status: string }).status, { timeout: 30_000, intervals: [250, 500, 1000] })
    .toBe(status);
}
