// A small quote-to-cash thread made through the public ingest and operations APIs, as
// connected systems and finance would make it: the HCM sends a consultant, the CRM an
// accepted T&M quote (our own correlation id), the PSA simulator the project, the PSA an
// approved timesheet of ten entries; a billing run invoices the time and a revenue run
// recognises it. Every id is fresh, so the specs that
// use it run on an empty database and on one full of other data alike.
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { demoUser } from '../access/demo-users';
import { sendEvent, waitUntilProcessed } from '../ingest/connectors';


/** More than the graph shows one by one (8), so the time entries appear as a group. */
export const ENTRIES = 10;

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

export interface Q2cThread {
  correlationId: string;
  engagementId: string;
  engagementCode: string;
  invoiceId: string;
  invoiceNumber: string;
  timesheetId: string;
}

export async function createBilledThread(request: APIRequestContext): Promise<Q2cThread> {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const correlationId = `e2e-lineage-${tag}`;
  const employeeId = `E-LIN-${tag}`;
  const quoteId = `Q-LIN-${tag}`;
  await sendEvent(request, 'hcm', { type: 'q2c.employee.updated.v1', subject: employeeId, data: { employeeId, name: `Lin ${tag}`, costRate: '150', currency: 'USD', costCenter: 'US01-ADV' } });
  await sendEvent(request, 'crm', {
    type: 'q2c.quote.accepted.v1', subject: quoteId, sequence: 1, correlationid: correlationId,
    data: {
      quoteId, quoteVersion: 1, client: { externalId: `CRM-LIN-${tag}`, name: `Lineage Client ${tag}`, legalEntityCode: 'US01' }, currency: 'USD', billingModel: 'TIME_AND_MATERIALS',
      lines: [{ sku: 'ADV-SENIOR', description: 'Engagement manager', quantity: '40', unitPrice: '400', role: 'MANAGER' }],
      estimatedCost: '6000', taxProfile: { nexus: 'US-NY', exempt: false }, acceptedAt: new Date().toISOString(),
    },
  });
  await waitUntilProcessed(request, employeeId, 1);
  await waitUntilProcessed(request, quoteId, 1);
  const finance = { authorization: `Bearer ${demoUser('FINANCE').apiToken}` };
  const listed = await request.get(`/api/v1/engagements?correlationId=${encodeURIComponent(correlationId)}`, { headers: finance });
  expect(listed.status()).toBe(200);
  const [engagement] = ((await listed.json()) as { items: { id: string; code: string }[] }).items;
  expect(engagement, 'the quote made an engagement').toBeDefined();

  // The quote's create-project command reaches the PSA (its simulator under npm start), which
  // answers with q2c.project.created.v1: the engagement turns ACTIVE without our help.
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/engagements/${engagement!.id}`, { headers: finance })).json()) as { status: string }).status, { timeout: 30_000 })
    .toBe('ACTIVE');
  const timesheetId = `TS-LIN-${tag}`;
  await sendEvent(request, 'psa', {
    type: 'q2c.timesheet.approved.v1', subject: timesheetId, sequence: 1,
    data: { timesheetId, employeeId, engagementRef: engagement!.code, entries: Array.from({ length: ENTRIES }, () => ({ date: isoDay(10), hours: '0.75', role: 'MANAGER', billable: true })), approvedAt: new Date().toISOString(), approver: 'pm@example.com' },
  });
  await waitUntilProcessed(request, timesheetId, 1);

  const run = await request.post('/api/v1/billing/runs', { headers: finance, data: { asOf: isoDay(0), legalEntityCode: 'US01' } });
  expect(run.status(), await run.text()).toBe(200);
  // T&M revenue is recognised as the time is approved: one entry per time entry.
  const revenue = await request.post('/api/v1/revenue/runs', { headers: finance, data: { asOf: isoDay(0), legalEntityCode: 'US01' } });
  expect(revenue.status(), await revenue.text()).toBe(200);
  const invoices = await request.get(`/api/v1/invoices?engagementId=${engagement!.id}`, { headers: finance });
  const [invoice] = ((await invoices.json()) as { items: { id: string; number: string }[] }).items;
  expect(invoice, 'the billing run invoiced the time').toBeDefined();
  return { correlationId, engagementId: engagement!.id, engagementCode: engagement!.code, invoiceId: invoice!.id, invoiceNumber: invoice!.number, timesheetId };
}
