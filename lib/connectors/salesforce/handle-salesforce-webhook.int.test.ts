// POST /api/v1/webhooks/salesforce through the real handler, inbox and processor on a real
// PostgreSQL, with the CRM re-read answered by a local HTTP server (the test double of the
// CRM behind the crm connector's endpoint and outbound token).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commercialConnectors, engagementOfQuote, uniqueId } from '../../../test/fixtures/commercial.ts';
import { testConnector } from '../../../test/support/ingest.ts';
import { db } from '../../db/client.ts';
import type { CreatedConnector } from '../../services/connectors/create-connector.ts';
import { setConnectorEndpoint } from '../../services/connectors/set-connector-endpoint.ts';
import { setConnectorOutboundToken } from '../../services/connectors/set-outbound-token.ts';
import { setConnectorOutboundPolicy } from '../../services/connectors/set-outbound-policy.ts';
import { processInboxBatch } from '../../workflows/process-inbox-batch.ts';
import { buildWorkflowResolver } from '../../workflows/registry.ts';
import { commercialWorkflows } from '../../workflows/registry-commercial.ts';
import { handleSalesforceWebhook } from './handle-salesforce-webhook.ts';
import { changeEvent, quoteRecord } from './test-support.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/external/pozil-pubsub__salesforce_cdc_AccountChangeEvent_update.json');
const settings = { batchSize: 50, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver(commercialWorkflows), random: () => 0 };
const drain = async () => {
  while ((await processInboxBatch(settings)).claimed > 0);
};

const CRM_TOKEN = `crm-${randomUUID()}`;
/** What the CRM double holds, by record id; every read it answers, in order. */
const records = new Map<string, unknown>();
const reads: { path: string; authorization: string | undefined }[] = [];
let crmServer: http.Server;
let crm: CreatedConnector;

beforeAll(async () => {
  crmServer = http.createServer((req, res) => {
    reads.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const id = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    const record = records.get(id);
    res.writeHead(record ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(record ?? { error: 'NOT_FOUND' }));
  });
  await new Promise<void>((resolve) => crmServer.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(crmServer.address() as AddressInfo).port}/crm`;
  const actor = { type: 'SYSTEM', id: 'test' } as const;
  crm = await testConnector({ code: 'crm', kind: 'CRM', sources: ['/salesforce/acme'], withSigningSecret: false });
  await setConnectorEndpoint({ code: 'crm', endpoint, actor });
  await setConnectorOutboundToken({ code: 'crm', token: CRM_TOKEN, actor });
  // The test CRM listens on 127.0.0.1, which a connector may call only when allowed.
  await setConnectorOutboundPolicy({ code: 'crm', policy: { allowPrivate: true }, actor });
  await commercialConnectors(); // the ERP and PSA the accepted quote's commands go to
});

afterAll(() => new Promise<void>((resolve) => crmServer.close(() => resolve())));

const post = (body: unknown, connector: CreatedConnector = crm) =>
  handleSalesforceWebhook(
    new Request('http://threadline.test/api/v1/webhooks/salesforce', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${connector.token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );

/** A fresh accepted quote in the CRM double and its change event. */
function acceptedQuote(header: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) {
  const quoteId = uniqueId('0Q0');
  records.set(quoteId, quoteRecord({ Id: quoteId, Account: { Id: uniqueId('001'), Name: 'Acme Holdings', ParentId: null, Threadline_Legal_Entity__c: 'US01' } }));
  return { quoteId, event: changeEvent({ recordIds: [quoteId], transactionKey: randomUUID(), ...header }, fields) };
}

describe('POST /api/v1/webhooks/salesforce', () => {
  it('an accepted Quote re-reads the record and creates the engagement after processing; the same change again is a duplicate', async () => {
    const { quoteId, event } = acceptedQuote();
    const response = await post(event);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ reread: 'accepted', results: [{ recordId: quoteId, status: 'accepted' }] });
    expect(reads.at(-1)).toEqual({ path: `/crm/records/Quote/${quoteId}`, authorization: `Bearer ${CRM_TOKEN}` });
    await drain();
    const engagement = await engagementOfQuote('crm', quoteId);
    expect(engagement.billingPlan?.model).toBe('TIME_AND_MATERIALS');
    expect(engagement.currency).toBe('USD');

    const readsBefore = reads.length;
    const again = await post(event);
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ results: [{ recordId: quoteId, status: 'duplicate' }] });
    expect(reads.length).toBe(readsBefore); // a duplicate costs no CRM call
    expect(await db().inboxEvent.count({ where: { source: '/salesforce/acme', subject: quoteId } })).toBe(1);
  });

  it('a GAP event applies nothing of its payload: it re-reads the records and maps only what is accepted now', async () => {
    const draft = uniqueId('0Q0');
    records.set(draft, quoteRecord({ Id: draft, Status: 'Draft' }));
    // The payload claims Accepted; a GAP event's payload is never trusted.
    const gapDraft = changeEvent({ changeType: 'GAP_UPDATE', recordIds: [draft], transactionKey: randomUUID() }, { Status: 'Accepted' });
    const response = await post(gapDraft);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ reread: 'gap', results: [{ recordId: draft, status: 'not-accepted' }] });
    expect(reads.at(-1)?.path).toBe(`/crm/records/Quote/${draft}`);
    expect(await db().inboxEvent.count({ where: { subject: draft } })).toBe(0);

    const { quoteId, event } = acceptedQuote({ changeType: 'GAP_UPDATE', changedFields: [] }, { Status: null });
    expect(await (await post(event)).json()).toMatchObject({ reread: 'gap', results: [{ recordId: quoteId, status: 'accepted' }] });
    await drain();
    expect((await engagementOfQuote('crm', quoteId)).billingPlan?.model).toBe('TIME_AND_MATERIALS');
  });

  it('a record the CRM no longer has is reported, not mapped', async () => {
    const gone = uniqueId('0Q0');
    const response = await post(changeEvent({ changeType: 'GAP_DELETE', recordIds: [gone], transactionKey: randomUUID() }));
    expect(await response.json()).toMatchObject({ results: [{ recordId: gone, status: 'not-found' }] });
  });

  it('the real AccountChangeEvent capture is answered 200 ignored, without a CRM call or an inbox row', async () => {
    const readsBefore = reads.length;
    const response = await post(readFileSync(FIXTURE, 'utf8'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ignored', entityName: 'Account', changeType: 'UPDATE' });
    expect(reads.length).toBe(readsBefore);
    expect(await db().inboxEvent.count({ where: { source: '/salesforce/acme', eventId: { startsWith: '000046c7-a642-11e2-c29b-229c6786473e' } } })).toBe(0);
  });

  it.each<[string, () => unknown, number]>([
    ['not JSON', () => '{', 400],
    ['no ChangeEventHeader', () => ({ payload: { Name: 'x' } }), 400],
    ['the real Jira issue_updated webhook sent here by mistake', () => readFileSync(path.join(path.dirname(FIXTURE), 'jenkinsci-jira-trigger__issue_updated_status_updated.json'), 'utf8'), 400],
    ['an accepted quote the catalog refuses (no lines)', () => {
      const { quoteId, event } = acceptedQuote();
      records.set(quoteId, quoteRecord({ Id: quoteId, QuoteLineItems: { records: [] } }));
      return event;
    }, 422],
  ])('%s → %s', async (_name, body, status) => {
    const response = await post(body());
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('answers 503 when the CRM cannot be re-read, so the sender retries', async () => {
    const { quoteId, event } = acceptedQuote();
    records.set(quoteId, 'not a quote record');
    expect((await post(event)).status).toBe(503);
  });

  it('re-reads only where outbound calls may go: a CRM on a private address is refused unless the connector allows it', async () => {
    const actor = { type: 'SYSTEM', id: 'test' } as const;
    const { event } = acceptedQuote();
    const before = reads.length;
    await setConnectorOutboundPolicy({ code: 'crm', policy: { allowPrivate: false }, actor });
    try {
      const response = await post(event);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/may not be called there/);
      expect(reads.length).toBe(before);
    } finally {
      await setConnectorOutboundPolicy({ code: 'crm', policy: { allowPrivate: true }, actor });
    }
  });

  it('refuses a connector that is not a CRM', async () => {
    const psa = await testConnector({ code: 'psa-sf', kind: 'PSA', sources: ['/psa/sf'], withSigningSecret: false });
    expect((await post(changeEvent(), psa)).status).toBe(403);
  });
});
