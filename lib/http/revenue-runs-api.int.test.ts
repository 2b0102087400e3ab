// POST /api/v1/revenue/runs end to end on a real database: real Requests with personal API
// tokens against the route handler; problem+json for every refusal, the run's summary on 200.
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/revenue/runs/route';
import { db } from '../db/client.ts';
import { revenueRunSummarySchema } from './schemas/revenue-runs.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { addTime, createEngagement } from '../../test/fixtures/revenue.ts';

const noParams = { params: Promise.resolve({}) };
const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(new Request('http://localhost/api/v1/revenue/runs', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }), noParams);

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return response.json();
}

describe('POST /api/v1/revenue/runs', () => {
  it('401 without a token, 403 for roles other than finance', async () => {
    expect((await post({ asOf: '2026-03-31' })).status).toBe(401);
    for (const role of ['DELIVERY', 'EXECUTIVE', 'ADMIN', 'INTEGRATION_OPS'] as const) {
      const person = await createPerson(role);
      const response = await post({ asOf: '2026-03-31' }, person.bearer);
      expect(response.status, role).toBe(403);
      expect((await problem(response)).code).toBe('FORBIDDEN');
    }
  });

  it('400 with a JSON pointer for a bad date, a future date or an unknown legal entity', async () => {
    const finance = await createPerson('FINANCE');
    const cases: [unknown, string][] = [
      [{}, '/asOf'],
      [{ asOf: '2026-02-30' }, '/asOf'],
      [{ asOf: '31/03/2026' }, '/asOf'],
      [{ asOf: '2999-12-31' }, '/asOf'],
      [{ asOf: '2026-03-31', legalEntityCode: 'XX99' }, '/legalEntityCode'],
    ];
    for (const [body, pointer] of cases) {
      const response = await post(body, finance.bearer);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await problem(response)).errors, JSON.stringify(body)).toEqual([expect.objectContaining({ pointer })]);
    }
  });

  it('200 with the summary for finance; the same run again posts nothing; audited as the person', async () => {
    const finance = await createPerson('FINANCE');
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', legalEntityCode: 'GB01', contractValue: '5000', acceptedOn: '2026-03-02' });
    await addTime(engagement, { workDate: '2026-03-09', approvedOn: '2026-03-10', amount: '1234.5' });

    const response = await post({ asOf: '2026-03-31', legalEntityCode: 'GB01' }, finance.bearer);
    expect(response.status).toBe(200);
    const summary = revenueRunSummarySchema.parse(await response.json());
    expect(summary).toMatchObject({ asOf: '2026-03-31', legalEntityCode: 'GB01', engagements: 1, entriesPosted: 1, byCurrency: { GBP: '1234.50' }, flags: [] });
    const audit = await db().auditRecord.findFirstOrThrow({ where: { entityId: engagement.id, action: 'revenue.run' } });
    expect([audit.actorType, audit.actorId]).toEqual(['USER', finance.user.id]);

    const again = revenueRunSummarySchema.parse(await (await post({ asOf: '2026-03-31', legalEntityCode: 'GB01' }, finance.bearer)).json());
    expect(again).toMatchObject({ engagements: 1, entriesPosted: 0, byCurrency: {} });
  });
});

describe('POST /api/v1/revenue/runs with X-Simulated-Time (the demo loader’s business dates)', () => {
  it('is a 400 where SIMULATED_TIME is off; where it is on, revenue is recognised at that time, so the lag is the business one', async () => {
    const finance = await createPerson('FINANCE');
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', legalEntityCode: 'DE01', contractValue: '5000', acceptedOn: '2026-04-01' });
    await addTime(engagement, { workDate: '2026-04-13', approvedOn: '2026-04-14', amount: '800' });
    const at = { ...finance.bearer, 'X-Simulated-Time': '2026-04-30T19:00:00Z' };
    const saved = process.env;
    try {
      process.env = { ...saved, SIMULATED_TIME: 'false' };
      const refused = await post({ asOf: '2026-04-30', legalEntityCode: 'DE01' }, at);
      expect(refused.status).toBe(400);
      expect((await problem(refused)).detail).toMatch(/SIMULATED_TIME/);

      process.env = { ...saved, SIMULATED_TIME: 'true' };
      expect((await post({ asOf: '2026-04-30', legalEntityCode: 'DE01' }, at)).status).toBe(200);
      const entry = await db().revenueEntry.findFirstOrThrow({ where: { schedule: { engagementId: engagement.id }, kind: 'RECOGNITION' } });
      expect(entry.createdAt.getTime() - Date.parse('2026-04-30T19:00:00Z')).toBeLessThan(1000);
      expect(entry.createdAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-04-30T19:00:00Z'));
    } finally {
      process.env = saved;
    }
  });
});
