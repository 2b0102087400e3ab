// What a careless or hostile sender gets from POST /api/v1/events over real HTTP: the
// right refusal as application/problem+json, never a 500, and nothing stored.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { demoConnector, eventsAbout, nowSeconds, signedHeaders } from './connectors';

const structured = { 'content-type': 'application/cloudevents+json' };

function event(subject: string, overrides: Record<string, unknown> = {}) {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/demo/hcm',
    type: 'q2c.employee.updated.v1',
    subject,
    time: new Date().toISOString(),
    sequence: '1',
    data: { employeeId: subject, name: 'Mallory', costRate: '95.00', currency: 'USD', costCenter: 'US01-ADV' },
    ...overrides,
  };
}

async function expectProblem(response: APIResponse, status: number): Promise<Record<string, unknown>> {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toBe('application/problem+json');
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return problem;
}

test('refusals are problem+json with the right status, and store nothing', async ({ request }) => {
  const hcm = demoConnector('hcm');
  const subject = `E-${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify(event(subject));
  const post = (data: string | Buffer, headers: Record<string, string>) => request.post('/api/v1/events', { headers, data });

  await test.step('401 without a connector token', async () => {
    await expectProblem(await post(body, structured), 401);
    await expectProblem(await post(body, { ...structured, authorization: 'Bearer tl_con_not-a-token' }), 401);
  });

  await test.step('401 for a bad signature and for a stale timestamp', async () => {
    const good = signedHeaders(hcm, body, structured);
    await expectProblem(await post(body, { ...good, 'threadline-signature': `t=${nowSeconds()},v1=${'0'.repeat(64)}` }), 401);
    await expectProblem(await post(body, { ...good, 'threadline-signature': signedHeaders(hcm, `${body} `, structured)['threadline-signature']! }), 401);
    const stale = await expectProblem(await post(body, signedHeaders(hcm, body, structured, nowSeconds() - 600)), 401);
    expect(stale.detail).toMatch(/tolerance/);
  });

  await test.step('403 for a source another connector owns', async () => {
    const foreign = JSON.stringify(event(subject, { source: '/demo/crm' }));
    expect(await expectProblem(await post(foreign, signedHeaders(hcm, foreign, structured)), 403)).toMatchObject({ pointer: '/source', reason: 'FORBIDDEN_SOURCE' });
  });

  await test.step('400 with the JSON pointer of schema-invalid data', async () => {
    const invalid = JSON.stringify(event(subject, { data: { employeeId: subject, name: 'Mallory', costRate: 'lots', currency: 'USD', costCenter: 'US01-ADV' } }));
    expect(await expectProblem(await post(invalid, signedHeaders(hcm, invalid, structured)), 400)).toMatchObject({ pointer: '/data/costRate', reason: 'SCHEMA_INVALID' });
    const broken = '{"specversion": "1.0", ';
    await expectProblem(await post(broken, signedHeaders(hcm, broken, structured)), 400);
  });

  await test.step('415 for a body that is not a CloudEvent', async () => {
    await expectProblem(await post(body, signedHeaders(hcm, body, { 'content-type': 'text/plain' })), 415);
  });

  await test.step('413 for an event over 1 MB', async () => {
    const big = Buffer.from(JSON.stringify(event(subject, { data: { employeeId: subject, name: 'x'.repeat(1_100_000), costRate: '1', currency: 'USD', costCenter: 'US01-ADV' } })));
    await expectProblem(await post(big, signedHeaders(hcm, big, structured)), 413);
  });

  expect(await eventsAbout(request, subject)).toEqual([]);
});
