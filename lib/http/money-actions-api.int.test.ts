// The console's two new money actions through the API, with personal tokens: FINANCE
// applies a receipt by hand (POST /api/v1/cash/receipts/{id}/applications), DELIVERY
// attaches milestone evidence (POST /api/v1/milestones/{id}/evidence). Roles, validation
// (problem+json with pointers) and the effect.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as applyRoute } from '@/app/api/v1/cash/receipts/[id]/applications/route';
import { POST as evidenceRoute } from '@/app/api/v1/milestones/[id]/evidence/route';
import { createEngagement as createBillingEngagement, deliver, deliveryConnectors } from '../../test/fixtures/billing.ts';
import { cashConnectors, createEngagement, createInvoice, createPayer, money, payment, receiptOf, receivePayment } from '../../test/fixtures/cash.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { db } from '../db/client.ts';
import { milestoneCompletedWorkflow } from '../workflows/milestone-completed.ts';

const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (route: typeof applyRoute, path: string, id: string, headers: Record<string, string>, body: unknown) =>
  route(new Request(`http://localhost${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }), withId(id));

describe('POST /api/v1/cash/receipts/{id}/applications', () => {
  it('401/403/400/404, then 201 with the invoice and receipt after it', async () => {
    const { payments } = await cashConnectors();
    const { client } = await createPayer(payments);
    const invoice = await createInvoice(await createEngagement(client.id), { net: '800.00' });
    const data = payment({ amount: '800.00', payer: { name: 'Unknown AP' } });
    await receivePayment(payments, data);
    const receipt = await receiptOf(payments, data.paymentId);
    const apply = (headers: Record<string, string>, body: unknown, id = receipt.id) => post(applyRoute, `/api/v1/cash/receipts/${id}/applications`, id, headers, body);

    expect((await apply({}, { invoiceId: invoice.id, amount: '800.00' })).status).toBe(401);
    expect((await apply((await createPerson('EXECUTIVE')).bearer, { invoiceId: invoice.id, amount: '800.00' })).status).toBe(403);
    const finance = await createPerson('FINANCE');
    const invalid = await apply(finance.bearer, { invoiceId: invoice.id, amount: 'lots' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect((await invalid.json()).errors).toEqual([expect.objectContaining({ pointer: '/amount' })]);
    const tooMuch = await apply(finance.bearer, { invoiceId: invoice.id, amount: '800.01' });
    expect(tooMuch.status).toBe(400);
    expect((await tooMuch.json()).errors).toEqual([expect.objectContaining({ pointer: '/amount', message: 'Only 800.00 USD of the receipt is unapplied.' })]);
    expect((await apply(finance.bearer, { invoiceId: invoice.id, amount: '1' }, randomUUID())).status).toBe(404);

    const created = await apply(finance.bearer, { invoiceId: invoice.id, amount: '800.00', expectedUnapplied: '800.00' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ method: 'MANUAL', amount: '800.00', invoice: { status: 'PAID', balanceDue: '0.00' }, receipt: { status: 'APPLIED', unappliedAmount: '0.00' } });
    expect((await apply(finance.bearer, { invoiceId: invoice.id, amount: '800.00', expectedUnapplied: '800.00' })).status).toBe(409);
  });
});

describe('POST /api/v1/milestones/{id}/evidence', () => {
  it('only delivery; a malformed hash is 400 with its pointer; then the milestone is billable', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createBillingEngagement({ model: 'FIXED_FEE_MILESTONE', milestones: [{ ref: 'M1', name: 'Design', amount: '25000' }] });
    await deliver(milestoneCompletedWorkflow, psa, { engagementRef: engagement.code, milestoneRef: 'M1', completedAt: '2026-05-28T12:00:00Z', approvedBy: 'pm@example.com' });
    const milestone = engagement.milestones[0]!;
    const attach = (headers: Record<string, string>, body: unknown) => post(evidenceRoute, `/api/v1/milestones/${milestone.id}/evidence`, milestone.id, headers, body);
    const body = { uri: 'https://docs.example.com/design-signoff.pdf', sha256: 'ab'.repeat(32) };

    expect((await attach((await createPerson('FINANCE')).bearer, body)).status).toBe(403);
    const delivery = await createPerson('DELIVERY');
    const bad = await attach(delivery.bearer, { uri: 'not a url', sha256: 'xyz' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/sha256', '/uri']);

    const done = await attach(delivery.bearer, body);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'BILLABLE', billable: true, alreadyAttached: false, evidenceCount: 1 });
    expect(money((await db().milestone.findUniqueOrThrow({ where: { id: milestone.id } })).amount)).toBe('25000.00');
  });
});
