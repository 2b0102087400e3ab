// POST and GET /api/v1/reconciliation/runs end to end on a real database: real Requests
// with personal API tokens against the route handlers; problem+json for every refusal, the
// run's summary on 200, the run recorded and audited as the person who started it.
import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/v1/reconciliation/runs/route';
import { db } from '../db/client.ts';
import { reconciliationRunListSchema, reconciliationRunSchema } from './schemas/reconciliation.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { addTime, createEngagement } from '../../test/fixtures/revenue.ts';

const noParams = { params: Promise.resolve({}) };
const url = 'http://localhost/api/v1/reconciliation/runs';
const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(new Request(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }), noParams);
const get = (query: string, headers: Record<string, string> = {}) => GET(new Request(`${url}${query}`, { headers }), noParams);

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return response.json();
}

describe('POST /api/v1/reconciliation/runs', () => {
  it('401 without a token, 403 for delivery and executives', async () => {
    expect((await post({})).status).toBe(401);
    expect((await get('')).status).toBe(401);
    for (const role of ['DELIVERY', 'EXECUTIVE'] as const) {
      const person = await createPerson(role);
      const response = await post({}, person.bearer);
      expect(response.status, role).toBe(403);
      expect((await problem(response)).code).toBe('FORBIDDEN');
      expect((await get('', person.bearer)).status, role).toBe(403);
    }
  });

  it('400 with a JSON pointer for an unknown job, a repeated job, a bad or future asOf', async () => {
    const ops = await createPerson('INTEGRATION_OPS');
    const cases: [unknown, string][] = [
      [{ jobs: ['everything'] }, '/jobs/0'],
      [{ jobs: [] }, '/jobs'],
      [{ jobs: ['unapplied-cash', 'unapplied-cash'] }, '/jobs'],
      [{ asOf: '2026-02-30' }, '/asOf'],
      [{ asOf: '31/03/2026' }, '/asOf'],
      [{ asOf: '2026-03-31T12:00:00' }, '/asOf'], // a date-time needs its offset
      [{ asOf: '2999-12-31T00:00:00Z' }, '/asOf'],
    ];
    for (const [body, pointer] of cases) {
      const response = await post(body, ops.bearer);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await problem(response)).errors, JSON.stringify(body)).toEqual([expect.objectContaining({ pointer })]);
    }
    expect((await get('?limit=0', ops.bearer)).status).toBe(400);
  });

  it('200 for finance, integration ops and admin: every job by default, the findings in the queue, the run recorded and audited', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '5000', acceptedOn: '2026-03-02' });
    await addTime(engagement, { workDate: '2026-03-02', amount: '640' });
    for (const role of ['FINANCE', 'INTEGRATION_OPS', 'ADMIN'] as const) {
      const person = await createPerson(role);
      const response = await post(role === 'ADMIN' ? undefined : { asOf: '2026-04-01' }, person.bearer);
      expect(response.status, role).toBe(200);
      const run = reconciliationRunSchema.parse(await response.json());
      expect(run.status).toBe('SUCCEEDED');
      expect(run.jobs.map((j) => j.job)).toEqual(['orphaned-projects', 'unbilled-approved-time', 'unapplied-cash', 'quote-contract-value', 'invoice-confirmation']);
      expect(run.jobs.find((j) => j.job === 'unbilled-approved-time')).toMatchObject({ findings: 1, impactUsd: '640.00' });
      const audit = await db().auditRecord.findFirstOrThrow({ where: { entityType: 'ReconciliationRun', entityId: run.id, action: 'reconciliation.run' } });
      expect([audit.actorType, audit.actorId]).toEqual(['USER', person.user.id]);
    }
    const exception = await db().exception.findFirstOrThrow({ where: { code: 'UNBILLED_APPROVED_TIME', entityId: engagement.id } });
    expect(exception.occurrences).toBe(3);
  });

  it('runs only the named jobs, and GET lists the latest runs newest first', async () => {
    const finance = await createPerson('FINANCE');
    const run = reconciliationRunSchema.parse(await (await post({ jobs: ['invoice-confirmation', 'unapplied-cash'], asOf: '2026-04-01T08:30:00+02:00' }, finance.bearer)).json());
    expect(run.jobs.map((j) => j.job)).toEqual(['unapplied-cash', 'invoice-confirmation']);
    expect(run.asOf).toBe('2026-04-01T06:30:00.000Z');

    const response = await get('?limit=2', finance.bearer);
    expect(response.status).toBe(200);
    const list = reconciliationRunListSchema.parse(await response.json());
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toMatchObject({ id: run.id, actor: { type: 'USER', id: finance.user.id } });
    expect(list.items[0]!.startedAt >= list.items[1]!.startedAt).toBe(true);
  });
});
