// The invoicing API end to end on a real database: real Requests with personal API tokens
// against the route handlers — a billing run, a void and a credit note — FINANCE only,
// problem+json for every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as runRoute } from '@/app/api/v1/billing/runs/route';
import { POST as creditRoute } from '@/app/api/v1/invoices/[id]/credit-notes/route';
import { POST as voidRoute } from '@/app/api/v1/invoices/[id]/void/route';
import type { RunningTaxEngine } from '../../simulators/tax-engine/server.ts';
import { createEmployee, createEngagement, deliver, deliveryConnectors, startTaxSimulator, timesheet } from '../../test/fixtures/billing.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { db } from '../db/client.ts';
import { billingRunSummarySchema, creditNoteResultSchema, voidInvoiceResultSchema } from './schemas/billing.ts';
import { timesheetApprovedWorkflow } from '../workflows/timesheet-approved.ts';

let engine: RunningTaxEngine;
beforeAll(async () => {
  engine = await startTaxSimulator();
});
afterAll(async () => engine.stop());

const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (path: string, headers: Record<string, string>, body: unknown) =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/v1/billing/runs', () => {
  it('401 without a token, 403 for delivery, 400 for a bad or future date, the summary for finance; twice issues nothing', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement();
    const employee = await createEmployee();
    await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [{ date: '2026-04-01', hours: '2', role: 'CONSULTANT' }]));
    const finance = await createPerson('FINANCE');
    const delivery = await createPerson('DELIVERY');

    expect((await runRoute(post('/api/v1/billing/runs', {}, { asOf: '2026-04-06' }), noParams)).status).toBe(401);
    expect((await runRoute(post('/api/v1/billing/runs', delivery.bearer, { asOf: '2026-04-06' }), noParams)).status).toBe(403);
    const bad = await runRoute(post('/api/v1/billing/runs', finance.bearer, { asOf: '2026-02-30' }), noParams);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect((await runRoute(post('/api/v1/billing/runs', finance.bearer, { asOf: '2999-01-01' }), noParams)).status).toBe(400);
    expect((await runRoute(post('/api/v1/billing/runs', finance.bearer, { asOf: '2026-04-06', legalEntityCode: 'XX99' }), noParams)).status).toBe(400);

    const response = await runRoute(post('/api/v1/billing/runs', finance.bearer, { asOf: '2026-04-06', legalEntityCode: 'US01' }), noParams);
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(billingRunSummarySchema.parse(summary)).toMatchObject({ asOf: '2026-04-06', legalEntityCode: 'US01', invoicesIssued: 1, totalsByCurrency: { USD: { subtotal: '500.00', taxTotal: '20.00', total: '520.00' } } });
    const again = await (await runRoute(post('/api/v1/billing/runs', finance.bearer, { asOf: '2026-04-06' }), noParams)).json();
    expect(again).toMatchObject({ invoicesDrafted: 0, invoicesIssued: 0 });
    const audit = await db().auditRecord.findFirstOrThrow({ where: { entityId: summary.invoices[0].id, action: 'invoice.issued' } });
    expect(audit).toMatchObject({ actorType: 'USER', actorId: finance.user.id });
  });
});

describe('POST /api/v1/billing/runs with X-Simulated-Time (the demo loader’s business dates)', () => {
  it('is a 400 where SIMULATED_TIME is off; where it is on, the run is made at that time (issuedAt), never in the future', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement();
    const employee = await createEmployee();
    await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [{ date: '2026-05-06', hours: '3', role: 'CONSULTANT' }]));
    const finance = await createPerson('FINANCE');
    const at = { ...finance.bearer, 'X-Simulated-Time': '2026-05-10T18:00:00Z' };
    const saved = process.env;
    try {
      process.env = { ...saved, SIMULATED_TIME: 'false' };
      const refused = await runRoute(post('/api/v1/billing/runs', at, { asOf: '2026-05-10' }), noParams);
      expect(refused.status).toBe(400);
      expect((await refused.json()).detail).toMatch(/X-Simulated-Time is accepted only where SIMULATED_TIME is on/);

      process.env = { ...saved, SIMULATED_TIME: 'true' };
      const future = await runRoute(post('/api/v1/billing/runs', { ...finance.bearer, 'X-Simulated-Time': '2999-01-01T00:00:00Z' }, { asOf: '2026-05-10' }), noParams);
      expect(future.status).toBe(400);
      // A run made on 2026-05-09 cannot bill what is due by the 10th.
      expect((await runRoute(post('/api/v1/billing/runs', { ...finance.bearer, 'X-Simulated-Time': '2026-05-09T18:00:00Z' }, { asOf: '2026-05-10' }), noParams)).status).toBe(400);
      const response = await runRoute(post('/api/v1/billing/runs', at, { asOf: '2026-05-10' }), noParams);
      expect(response.status).toBe(200);
      const summary = await response.json();
      const mine = summary.invoices.find((inv: { engagementId: string }) => inv.engagementId === engagement.id);
      const invoice = await db().invoice.findUniqueOrThrow({ where: { id: mine.id } });
      expect(invoice.issuedAt?.toISOString()).toBe('2026-05-10T18:00:00.000Z');
      expect(invoice.issueDate?.toISOString().slice(0, 10)).toBe('2026-05-10');
    } finally {
      process.env = saved;
    }
  });
});

describe('POST /api/v1/invoices/{id}/void and /credit-notes', () => {
  it('voids one invoice and credits another for finance; refuses others and what the core refuses', async () => {
    const { psa } = await deliveryConnectors();
    const finance = await createPerson('FINANCE');
    const executive = await createPerson('EXECUTIVE');
    const invoices = [];
    for (let i = 0; i < 2; i++) {
      const engagement = await createEngagement();
      const employee = await createEmployee();
      await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [{ date: '2026-04-01', hours: '1', role: 'ANALYST' }]));
      const summary = await (await runRoute(post('/api/v1/billing/runs', finance.bearer, { asOf: '2026-04-06' }), noParams)).json();
      invoices.push(summary.invoices.find((inv: { engagementId: string }) => inv.engagementId === engagement.id));
    }
    const [first, second] = invoices;

    expect((await voidRoute(post(`/api/v1/invoices/${first.id}/void`, executive.bearer, { reason: 'x' }), withId(first.id))).status).toBe(403);
    expect((await voidRoute(post(`/api/v1/invoices/${first.id}/void`, finance.bearer, { reason: '' }), withId(first.id))).status).toBe(400);
    const voided = await voidRoute(post(`/api/v1/invoices/${first.id}/void`, finance.bearer, { reason: 'Duplicate' }), withId(first.id));
    expect(voided.status).toBe(200);
    expect(voidInvoiceResultSchema.parse(await voided.json())).toMatchObject({ status: 'VOID', number: first.number, alreadyVoid: false });

    const credited = await creditRoute(post(`/api/v1/invoices/${second.id}/credit-notes`, finance.bearer, { reason: 'DISPUTE', note: 'Client disputes the hours' }), withId(second.id));
    expect(credited.status).toBe(201);
    expect(creditNoteResultSchema.parse(await credited.json())).toMatchObject({ originalInvoiceId: second.id, total: '-182.00', fullyCredited: true, releasedSources: 0 });
    const refused = await creditRoute(post(`/api/v1/invoices/${second.id}/credit-notes`, finance.bearer, { reason: 'DISPUTE' }), withId(second.id));
    expect(refused.status).toBe(409);
    expect((await creditRoute(post(`/api/v1/invoices/${first.id}/credit-notes`, finance.bearer, { reason: 'BILLING_ERROR', lines: [{ invoiceLineId: first.id }] }), withId(first.id))).status).toBe(409);
    expect((await voidRoute(post('/api/v1/invoices/not-a-uuid/void', finance.bearer, { reason: 'x' }), withId('not-a-uuid'))).status).toBe(404);
  });
});
