// The CRM simulator as Salesforce over real HTTP: accepting a quote sends a change event to
// Threadline's real POST /api/v1/webhooks/salesforce, whose connector re-reads the Quote
// record from the simulator (GET /records/Quote/<id>, the connector's endpoint and
// outbound token) and creates the engagement; the same change event delivered twice
// (duplicateRate) is answered duplicate without a second re-read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client.ts';
import { commercialConnectors, engagementOfQuote, quoteData, retainerQuote } from '../../test/fixtures/commercial.ts';
import { processInbox, simulatorToken, startIngestServer, targetConnector } from '../../test/support/outbox.ts';
import { handleSalesforceWebhook } from '../../lib/connectors/salesforce/handle-salesforce-webhook.ts';
import { startCrmSimulator, type RunningCrm } from './server.ts';

let crm: RunningCrm;
let webhook: Awaited<ReturnType<typeof startIngestServer>>;
const token = simulatorToken();

beforeAll(async () => {
  await commercialConnectors(); // the ERP and PSA the accepted quote's commands go to
  webhook = await startIngestServer((request) => handleSalesforceWebhook(request), '/api/v1/webhooks/salesforce');
  // The port first (the connector's endpoint needs it), then the CRM with the connector's credentials.
  const first = await startCrmSimulator({ port: 0, token });
  const connector = await targetConnector({ code: 'crm-sf', kind: 'CRM', endpoint: first.url, token });
  await first.stop();
  crm = await startCrmSimulator({ port: first.port, token, faults: { duplicateRate: 1 }, salesforce: { ingestUrl: webhook.url, token: connector.token, signingSecret: connector.signingSecret ?? undefined, source: '/test/crm-sf' } });
});
afterAll(async () => {
  await crm?.stop();
  await webhook?.stop();
});

const call = (path: string, init: RequestInit = {}) => fetch(`${crm.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });

describe('CRM simulator as Salesforce → POST /api/v1/webhooks/salesforce', () => {
  it('the change event of an acceptance is re-read from the simulator and creates the engagement once', async () => {
    const { acceptedAt: _ignored, ...quote } = quoteData();
    await call('/v1/quotes', { method: 'POST', body: JSON.stringify(quote) });
    const draft = (await (await call(`/records/Quote/${quote.quoteId}`)).json()) as Record<string, unknown>;
    expect(draft).toMatchObject({ Id: quote.quoteId, Status: 'Draft', Account: { Id: quote.client.externalId } });
    expect((await call('/v1/quotes/accept', { method: 'POST', body: JSON.stringify({ quoteId: quote.quoteId }) })).status).toBe(200);
    await crm.changeEvents.flush();
    expect(crm.changeEvents.stats).toMatchObject({ emitted: 1, duplicatesSent: 1, delivered: 2, failed: 0 });
    await processInbox();

    const engagement = await engagementOfQuote('crm-sf', quote.quoteId);
    expect(engagement.status).toBe('SHELL');
    // One read by the test (the draft), one re-read by Threadline: the duplicate was found before re-reading.
    expect(crm.recordReads()).toBe(2);
    expect((await call('/records/Quote/nope')).status).toBe(404);
    expect((await fetch(`${crm.url}/records/Quote/${quote.quoteId}`)).status).toBe(401);
  });

  it('a retainer quote (fee, included hours, overage) is re-read and becomes a retainer billing plan', async () => {
    const { acceptedAt: _ignored, ...quote } = retainerQuote();
    await call('/v1/quotes', { method: 'POST', body: JSON.stringify(quote) });
    expect((await call('/v1/quotes/accept', { method: 'POST', body: JSON.stringify({ quoteId: quote.quoteId }) })).status).toBe(200);
    await crm.changeEvents.flush();
    await processInbox();
    const engagement = await engagementOfQuote('crm-sf', quote.quoteId);
    const plan = await db().billingPlan.findUniqueOrThrow({ where: { engagementId: engagement.id } });
    expect(plan.model).toBe('RETAINER_WITH_OVERAGE');
    expect([plan.retainerMonthlyFee?.toString(), plan.retainerIncludedUnits?.toString(), plan.retainerOverageRate?.toString(), plan.retainerMonths]).toEqual(['8000', '1000', '4.5', 12]);
    expect(plan.retainerStartMonth?.toISOString().slice(0, 10)).toBe('2026-04-01');
  });
});
