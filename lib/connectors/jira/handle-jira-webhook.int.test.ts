// POST /api/v1/webhooks/jira through the real handler, connector auth, inbox and
// processor on a real PostgreSQL: a worklog becomes priced time, an update replaces it, a
// deletion withdraws it, a retried delivery is a duplicate, other Jira events are ignored.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, createEngagement, uniqueId } from '../../../test/fixtures/billing.ts';
import { testConnector } from '../../../test/support/ingest.ts';
import { db } from '../../db/client.ts';
import type { CreatedConnector } from '../../services/connectors/create-connector.ts';
import { setConnectorEndpoint } from '../../services/connectors/set-connector-endpoint.ts';
import { setConnectorOutboundToken } from '../../services/connectors/set-outbound-token.ts';
import { setConnectorOutboundPolicy } from '../../services/connectors/set-outbound-policy.ts';
import { processInboxBatch } from '../../workflows/process-inbox-batch.ts';
import { buildWorkflowResolver } from '../../workflows/registry.ts';
import { deliveryWorkflows } from '../../workflows/registry-delivery.ts';
import { handleJiraWebhook } from './handle-jira-webhook.ts';
import { worklogWebhook } from './test-support.ts';
import { hubSignature } from './verify-hub-signature.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/external/jenkinsci-jira-trigger__issue_updated_status_updated.json');
const settings = { batchSize: 50, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver(deliveryWorkflows), random: () => 0 };
const drain = async () => {
  while ((await processInboxBatch(settings)).claimed > 0);
};

let psa: CreatedConnector;

beforeAll(async () => {
  psa = await testConnector({ code: 'psa', kind: 'PSA', sources: ['/jira/acme'], withSigningSecret: false });
});

function post(body: unknown, options: { webhookId?: string | null; connector?: CreatedConnector; signature?: string } = {}) {
  const connector = options.connector ?? psa;
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = new Headers({ 'content-type': 'application/json', authorization: `Bearer ${connector.token}` });
  if (options.webhookId !== null) headers.set('x-atlassian-webhook-identifier', options.webhookId ?? randomUUID());
  if (options.signature) headers.set('x-hub-signature', options.signature);
  return handleJiraWebhook(new Request('http://threadline.test/api/v1/webhooks/jira', { method: 'POST', headers, body: raw }));
}

/** An engagement the psa connector knows as project `key`, and a Jira author who is a MANAGER employee. */
async function setUp() {
  const projectKey = uniqueId('ACME');
  const engagement = await createEngagement({ psaProjectId: projectKey, contractRates: [{ role: 'MANAGER', rate: '450' }] });
  const employee = await createEmployee({ costRate: '100' });
  const accountId = uniqueId('acct');
  const manager = await db().serviceRole.findUniqueOrThrow({ where: { code: 'MANAGER' } });
  await db().employee.update({ where: { id: employee.id }, data: { defaultServiceRoleId: manager.id } });
  await db().externalRef.create({ data: { system: 'psa', entityType: 'Employee', externalId: accountId, entityId: employee.id } });
  const worklogId = uniqueId('wl');
  const webhook = (webhookEvent: string, worklog: Record<string, unknown> = {}, timestamp?: number) =>
    worklogWebhook({ webhookEvent, timestamp, worklog: { id: worklogId, author: { accountId, timeZone: 'Europe/Berlin' }, ...worklog }, issue: { key: `${projectKey}-1`, fields: { project: { key: projectKey } } } });
  const inForce = () => db().timeTransaction.findMany({ where: { sourceTimesheetId: `jira-worklog-${worklogId}`, superseded: false }, orderBy: { sourceTimesheetVersion: 'asc' } });
  return { engagement, webhook, inForce, worklogId };
}

describe('POST /api/v1/webhooks/jira', () => {
  it('worklog created → priced time after processing; a replayed delivery is a duplicate', async () => {
    const { engagement, webhook, inForce } = await setUp();
    const webhookId = randomUUID();
    const response = await post(webhook('worklog_created'), { webhookId });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'accepted', eventId: webhookId, type: 'q2c.timesheet.approved.v1', action: 'created' });
    await drain();
    const rows = await inForce();
    expect(rows.map((r) => [r.engagementId, r.workDate.toISOString().slice(0, 10), r.hours.toString(), r.rateApplied?.toString(), r.amount?.toString()])).toEqual([[engagement.id, '2026-01-01', '1.5', '450', '675']]);

    const replay = await post(webhook('worklog_created'), { webhookId });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toMatchObject({ status: 'duplicate', eventId: webhookId });
    expect(await db().inboxEvent.count({ where: { source: '/jira/acme', eventId: webhookId } })).toBe(1);

    // The delivery id decides, before any lookup: what was first written stands.
    const changed = await post(webhook('worklog_created', { timeSpentSeconds: 60 }), { webhookId });
    expect(await changed.json()).toMatchObject({ status: 'duplicate' });
    expect((await inForce()).map((r) => r.hours.toString())).toEqual(['1.5']);
  });

  it('worklog updated replaces the time; deleted withdraws it (its entry superseded, to be reversed if billed)', async () => {
    const { webhook, inForce } = await setUp();
    await post(webhook('worklog_created'));
    await drain();
    await post(webhook('worklog_updated', { timeSpentSeconds: 7200, updated: '2026-01-01T11:00:00.000+0000' }));
    await drain();
    expect((await inForce()).map((r) => r.hours.toString())).toEqual(['2']);

    const deleted = await post(webhook('worklog_deleted', { timeSpentSeconds: 7200, updated: '2026-01-01T11:00:00.000+0000' }, Date.parse('2026-01-01T12:00:00Z')));
    expect(deleted.status).toBe(202);
    await drain();
    expect(await inForce()).toEqual([]);
    const event = await db().inboxEvent.findFirstOrThrow({ where: { source: '/jira/acme' }, orderBy: { receivedAt: 'desc' } });
    expect(event).toMatchObject({ status: 'PROCESSED' });
    expect(await db().auditRecord.count({ where: { eventId: event.id, action: 'time.superseded' } })).toBe(1);
  });

  it('the real jira:issue_updated webhook is answered 200 ignored and writes nothing', async () => {
    const before = await db().inboxEvent.count();
    const response = await post(readFileSync(FIXTURE, 'utf8'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ignored', webhookEvent: 'jira:issue_updated' });
    expect(await db().inboxEvent.count()).toBe(before);
  });

  it.each<[string, () => Promise<Response>, number, RegExp]>([
    ['no webhook identifier', async () => post((await setUp()).webhook('worklog_created'), { webhookId: null }), 400, /X-Atlassian-Webhook-Identifier/],
    ['a worklog naming neither its issue nor issueId', async () => {
      const body = (await setUp()).webhook('worklog_created');
      return post({ ...body, issue: undefined, worklog: { ...body.worklog, issueId: undefined } });
    }, 400, /project key/],
    ['not JSON', () => post('{nope'), 400, /not JSON/],
    ['the real Salesforce CDC capture sent here by mistake', () => post(readFileSync(path.join(path.dirname(FIXTURE), 'pozil-pubsub__salesforce_cdc_AccountChangeEvent_update.json'), 'utf8')), 400, /webhookEvent/],
    ['a full day (the most one entry takes)', async () => post((await setUp()).webhook('worklog_created', { timeSpentSeconds: 86_400, started: '2026-01-01T00:00:00.000+0000' })), 202, /accepted/],
  ])('%s → %i', async (_name, send, status, text) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(text);
  });

  it('a Jira Cloud worklog (issueId only) re-reads its issue\'s project from Jira, and not again for a retried delivery', async () => {
    const { engagement, webhook, inForce } = await setUp();
    const projectKey = (webhook('worklog_created').issue as { fields: { project: { key: string } } }).fields.project.key;
    const requests: string[] = [];
    const jira = http.createServer((req, res) => {
      requests.push(`${req.headers.authorization} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: '10010', key: `${projectKey}-1`, fields: { project: { key: projectKey } } }));
    });
    await new Promise<void>((resolve) => jira.listen(0, '127.0.0.1', resolve));
    try {
      const actor = { type: 'SYSTEM', id: 'test' } as const;
      await setConnectorEndpoint({ code: 'psa', endpoint: `http://127.0.0.1:${(jira.address() as AddressInfo).port}/jira`, actor });
      await setConnectorOutboundToken({ code: 'psa', token: 'jira-api-token-0123456789', actor });
      await setConnectorOutboundPolicy({ code: 'psa', policy: { allowPrivate: true }, actor }); // the test Jira is on 127.0.0.1
      const webhookId = randomUUID();
      const cloud = { ...webhook('worklog_created'), issue: undefined };
      expect((await post(cloud, { webhookId })).status).toBe(202);
      expect(requests).toEqual(['Bearer jira-api-token-0123456789 /jira/rest/api/3/issue/10010?fields=project']);
      await drain();
      expect((await inForce()).map((r) => r.engagementId)).toEqual([engagement.id]);
      expect(await (await post(cloud, { webhookId })).json()).toMatchObject({ status: 'duplicate' });
      expect(requests).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => jira.close(() => resolve()));
    }
  });

  it('checks X-Hub-Signature when the connector has a signing secret', async () => {
    const signed = await testConnector({ code: 'jira-signed', kind: 'PSA', sources: ['/jira/signed'], withSigningSecret: true });
    const body = JSON.stringify(readJson());
    expect((await post(body, { connector: signed })).status).toBe(401);
    expect((await post(body, { connector: signed, signature: hubSignature('tl_whsec_wrong', body) })).status).toBe(401);
    expect((await post(body, { connector: signed, signature: hubSignature(signed.signingSecret!, body) })).status).toBe(200);
  });

  it('refuses a connector of another kind', async () => {
    const erp = await testConnector({ code: 'erp-jira', kind: 'ERP', sources: ['/erp/x'], withSigningSecret: false });
    expect((await post(readJson(), { connector: erp })).status).toBe(403);
  });
});

const readJson = (): unknown => JSON.parse(readFileSync(FIXTURE, 'utf8'));
