// The simulated tax engine over HTTP, as any client sees it (no Threadline code involved;
// an integration test only because it listens on a port).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTaxEngine, type RunningTaxEngine } from './server.ts';

const token = 'engine-token-0123456789abcdef';
let engine: RunningTaxEngine;

const body = (documentId: string, amount = '100.00') => ({
  documentId,
  currency: 'EUR',
  issueDate: '2026-05-31',
  seller: { legalEntityCode: 'DE01', country: 'DE' },
  buyer: { nexus: 'DE', exempt: false },
  lines: [{ lineId: '1', amount, sku: 'ADV-CONSULTANT' }],
});

function calculate(payload: unknown, headers: Record<string, string> = {}) {
  return fetch(`${engine.url}/v1/tax/calculate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

beforeAll(async () => {
  engine = await startTaxEngine({ port: 0, token });
});
afterEach(() => void engine.setFaults({ latencyMs: 0, errorRate: 0, outage: false, status429Rate: 0 }));
afterAll(async () => engine.stop());

describe('POST /v1/tax/calculate', () => {
  it('calculates', async () => {
    const response = await calculate(body('d-1'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      documentId: 'd-1',
      currency: 'EUR',
      lines: [{ lineId: '1', taxableAmount: '100.00', rate: '0.19', taxAmount: '19.00', jurisdiction: 'DE', taxCode: 'DE-UST-STD' }],
      totalTax: '19.00',
    });
  });

  it('needs the bearer token', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${token}`]) {
      const response = await fetch(`${engine.url}/v1/tax/calculate`, { method: 'POST', headers: authorization ? { Authorization: authorization } : {}, body: JSON.stringify(body('d-2')) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('honours Idempotency-Key: same body → same answer, other body → 409', async () => {
    const first = await calculate(body('d-3'), { 'Idempotency-Key': 'k-3' });
    const again = await calculate(body('d-3'), { 'Idempotency-Key': 'k-3' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await calculate(body('d-3', '200.00'), { 'Idempotency-Key': 'k-3' });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 409 });
  });

  it('does not keep rejected requests under their key', async () => {
    const rejected = await calculate({ ...body('d-4'), buyer: { nexus: 'FR', exempt: false } }, { 'Idempotency-Key': 'k-4' });
    expect(rejected.status).toBe(422);
    expect(await rejected.json()).toMatchObject({ code: 'UNKNOWN_JURISDICTION', jurisdiction: 'FR' });
    expect((await calculate(body('d-4'), { 'Idempotency-Key': 'k-4' })).status).toBe(200);
  });

  it('answers 400 with pointers for a malformed request', async () => {
    const response = await calculate({ ...body('d-5'), lines: [{ lineId: '1', amount: 100, sku: 'X' }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_REQUEST', errors: [{ pointer: '/lines/0/amount' }] });
    expect((await calculate('{not json')).status).toBe(400);
  });
});

describe('faults and control', () => {
  it('are set through POST /_control and reported by GET /_control', async () => {
    const set = await fetch(`${engine.url}/_control`, { method: 'POST', body: JSON.stringify({ outage: true, latencyMs: 10 }) });
    expect(await set.json()).toMatchObject({ faults: { outage: true, latencyMs: 10, errorRate: 0, status429Rate: 0 } });
    expect((await calculate(body('d-6'))).status).toBe(503);
    expect((await fetch(`${engine.url}/health`)).status).toBe(503);
    const state = (await (await fetch(`${engine.url}/_control`)).json()) as { stats: { faulted: number } };
    expect(state.stats.faulted).toBeGreaterThan(0);
    expect((await fetch(`${engine.url}/_control`, { method: 'POST', body: JSON.stringify({ errorRate: 3 }) })).status).toBe(400);
  });

  it('answers 429 with Retry-After', async () => {
    engine.setFaults({ status429Rate: 1 });
    const response = await calculate(body('d-7'));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('serves /health and 404s the rest', async () => {
    expect(await (await fetch(`${engine.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${engine.url}/v2/anything`)).status).toBe(404);
    expect((await fetch(`${engine.url}/v1/tax/calculate`)).status).toBe(405);
  });
});
