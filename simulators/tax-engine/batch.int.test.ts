// The simulated tax engine's batch endpoint over HTTP: every document answered on its own
// (its documentId is its idempotency key), faults and the token for the call as a whole.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTaxEngine, type RunningTaxEngine } from './server.ts';

const token = 'engine-token-0123456789abcdef';
let engine: RunningTaxEngine;

const document = (documentId: string, nexus = 'DE', amount = '100.00') => ({
  documentId,
  currency: 'EUR',
  issueDate: '2026-05-31',
  seller: { legalEntityCode: 'DE01', country: 'DE' },
  buyer: { nexus, exempt: false },
  lines: [{ lineId: '1', amount, sku: 'ADV-CONSULTANT' }],
});

function batch(documents: unknown[], authorization = `Bearer ${token}`) {
  return fetch(`${engine.url}/v1/tax/calculate/batch`, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body: JSON.stringify({ documents }) });
}

beforeAll(async () => {
  engine = await startTaxEngine({ port: 0, token });
});
afterEach(() => void engine.setFaults({ outage: false }));
afterAll(async () => engine.stop());

describe('POST /v1/tax/calculate/batch', () => {
  it('answers each document on its own, in order: calculated, rejected, replayed, conflicting', async () => {
    await batch([document('b-1')]);
    const response = await batch([document('b-2'), document('b-3', 'XX'), document('b-1'), document('b-1', 'DE', '200.00'), { documentId: 'b-4' }]);
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { documentId: string | null; status: number; body?: { totalTax: string }; replayed?: boolean; problem?: { code: string } }[] };
    expect(results.map((r) => [r.documentId, r.status, r.replayed ?? null, r.problem?.code ?? null])).toEqual([
      ['b-2', 200, false, null],
      ['b-3', 422, null, 'UNKNOWN_JURISDICTION'],
      ['b-1', 200, true, null],
      ['b-1', 409, null, 'IDEMPOTENCY_KEY_REUSED'],
      ['b-4', 400, null, 'INVALID_REQUEST'],
    ]);
    expect(results[0]!.body!.totalTax).toBe('19.00');
  });

  it('fails the call as a whole for an outage, a wrong token or a bad envelope', async () => {
    engine.setFaults({ outage: true });
    expect((await batch([document('b-5')])).status).toBe(503);
    engine.setFaults({ outage: false });
    expect((await batch([document('b-5')], 'Bearer wrong-token')).status).toBe(401);
    const empty = await batch([]);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    // Nothing of the refused calls was calculated: the document is new to the engine.
    const [result] = ((await (await batch([document('b-5')])).json()) as { results: { replayed: boolean }[] }).results;
    expect(result).toMatchObject({ status: 200, replayed: false });
  });
});
