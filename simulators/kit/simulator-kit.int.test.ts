// The simulator kit over HTTP, as any client sees it (no Threadline code involved; an
// integration test only because it listens on ports): the PSA's command route behind its
// token, Idempotency-Key, the fault knobs (lost response after commit, the concurrency
// limit, outage) and /_control; the event emitter's signatures, sequences, duplicates and
// out-of-order delivery, received by a stand-in for Threadline's ingest endpoint.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPsaSimulator, type RunningPsa } from '../psa/server.ts';

const token = 'psa-token-0123456789abcdef';
const secret = 'tl_whsec_test_secret';
let psa: RunningPsa;
let receiver: http.Server;
const received: { body: Record<string, unknown>; signatureOk: boolean; authorization?: string }[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(req.headers['threadline-signature'])) ?? [];
      const signatureOk = v1 === createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex');
      received.push({ body: JSON.parse(raw) as Record<string, unknown>, signatureOk, authorization: req.headers.authorization });
      res.writeHead(202).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const ingestUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/v1/events`;
  psa = await startPsaSimulator({ port: 0, token, events: { ingestUrl, token: 'tl_con_psa', signingSecret: secret, source: '/demo/psa' } });
});
afterAll(async () => {
  await psa?.stop();
  receiver?.close();
});

const project = (n: number) => ({ engagementId: `e-${n}`, engagementCode: `ENG-${n}`, correlationId: `corr-${n}`, name: `Project ${n}` });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${psa.url}/v1/projects`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('command routes', () => {
  it('need the bearer token and a valid body', async () => {
    const unauthorized = await fetch(`${psa.url}/v1/projects`, { method: 'POST', body: JSON.stringify(project(1)) });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('content-type')).toBe('application/problem+json');
    const invalid = await post({ engagementId: 'e' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: 'INVALID_REQUEST', errors: expect.arrayContaining([{ pointer: '/engagementCode', message: expect.any(String) }]) });
    expect((await fetch(`${psa.url}/v1/projects`)).status).toBe(405);
  });

  it('honour Idempotency-Key: the same request is replayed, another one under the key is a 409', async () => {
    const first = await post(project(2), { 'Idempotency-Key': 'k-2' });
    expect(first.status).toBe(202);
    const again = await post(project(2), { 'Idempotency-Key': 'k-2' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await post(project(3), { 'Idempotency-Key': 'k-2' })).status).toBe(409);
    expect(psa.projects.size).toBe(1);
  });

  it('lose the response after committing when told to', async () => {
    psa.setFaults({ lostResponseRate: 1 });
    await expect(post(project(4), { 'Idempotency-Key': 'k-4' })).rejects.toThrow();
    psa.setFaults({ lostResponseRate: 0 });
    expect(psa.projects.has('e-4')).toBe(true);
    const retried = await post(project(4), { 'Idempotency-Key': 'k-4' });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(psa.stats()).toMatchObject({ lostResponses: 1 });
  });

  it('answer 429 with Retry-After above their concurrency limit, and 503 in an outage', async () => {
    psa.setFaults({ maxConcurrentRequests: 1, latencyMs: 50 });
    const answers = await Promise.all([5, 6, 7].map((n) => post(project(n))));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 429, 429]);
    expect(answers.find((a) => a.status === 429)!.headers.get('retry-after')).toBe('1');
    psa.setFaults({ maxConcurrentRequests: 0, latencyMs: 0, outage: true });
    expect((await post(project(8))).status).toBe(503);
    expect((await fetch(`${psa.url}/health`)).status).toBe(503);
    psa.setFaults({ outage: false });
  });

  it('take their knobs over /_control and show their state', async () => {
    const set = await fetch(`${psa.url}/_control`, { method: 'POST', body: JSON.stringify({ emitDelayMs: 0, duplicateRate: 0 }) });
    expect(await set.json()).toMatchObject({ faults: { emitDelayMs: 0 }, stats: { requests: expect.any(Number) }, projects: expect.any(Array), events: { enabled: true } });
    expect((await fetch(`${psa.url}/_control`, { method: 'POST', body: JSON.stringify({ errorRate: 3 }) })).status).toBe(400);
    expect((await fetch(`${psa.url}/_control`, { method: 'POST', body: JSON.stringify({ unknownKnob: 1 }) })).status).toBe(400);
  });
});

describe('events', () => {
  it('are signed CloudEvents with a sequence per subject; duplicates and out-of-order delivery on request', async () => {
    await psa.emitter.flush();
    received.length = 0;
    psa.setFaults({ outOfOrderRate: 1 });
    await post(project(20));
    psa.setFaults({ outOfOrderRate: 0, duplicateRate: 1 });
    await post(project(21));
    await psa.emitter.flush();
    psa.setFaults({ duplicateRate: 0 });

    // 20 was held back and sent after 21 (which was sent twice).
    expect(received.map((r) => r.body.subject)).toEqual(['ENG-21', 'ENG-21', 'ENG-20']);
    expect(received[0]!.body.id).toBe(received[1]!.body.id);
    expect(received.every((r) => r.signatureOk && r.authorization === 'Bearer tl_con_psa')).toBe(true);
    expect(received[2]!.body).toMatchObject({
      specversion: '1.0',
      source: '/demo/psa',
      type: 'q2c.project.created.v1',
      sequence: 1,
      correlationid: 'corr-20',
      data: { engagementRef: 'ENG-20', psaProjectId: psa.projects.get('e-20')!.projectId },
    });
  });
});

describe('business dates (the businessDated knob, as the demo loader plays a year)', () => {
  it('date the PSA’s project.created a few days after the quote’s acceptance, and back on the wall clock without the knob', async () => {
    await psa.emitter.flush();
    received.length = 0;
    const quote = { externalId: 'Q-BUSINESS-1', version: 1, acceptedAt: '2026-02-03T15:00:00Z' };
    expect((await fetch(`${psa.url}/_control`, { method: 'POST', body: JSON.stringify({ businessDated: true }) })).status).toBe(200);
    await post({ ...project(30), quote });
    await psa.emitter.flush();
    const lagHours = (Date.parse(String(received[0]!.body.time)) - Date.parse(quote.acceptedAt)) / 3_600_000;
    expect(lagHours).toBeGreaterThanOrEqual(24);
    expect(lagHours).toBeLessThanOrEqual(120);

    psa.setFaults({ businessDated: false });
    const before = Date.now();
    await post({ ...project(31), quote });
    await psa.emitter.flush();
    expect(Date.parse(String(received[1]!.body.time))).toBeGreaterThanOrEqual(before - 1000);
  });
});
