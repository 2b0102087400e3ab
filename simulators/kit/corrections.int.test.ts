// The correction route the ERP, PSA and CRM simulators share, over HTTP: a correction is
// applied once (the same Idempotency-Key answers the stored result, another body under it
// is 409), an unknown record or field is 422 and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startErpSimulator, type RunningErp } from '../erp/server.ts';

const token = 'erp-token-0123456789abcdef';
let erp: RunningErp;

beforeAll(async () => {
  erp = await startErpSimulator({ port: 0, token });
});
afterAll(async () => erp.stop());

async function post(path: string, body: unknown, key?: string) {
  const response = await fetch(`${erp.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as Record<string, unknown> };
}

const correction = (changes: unknown[], record: Record<string, unknown> = { type: 'Contract', id: 'eng-1', externalId: null }) => ({ correctionId: 'c-1', record, changes });

describe('POST /v1/corrections (ERP simulator)', () => {
  it('applies a correction once under its key; refuses unknown records and fields', async () => {
    await post('/v1/contracts', { engagementId: 'eng-1', sowVersion: 1, contractValue: '100000.00', currency: 'EUR' });
    const change = [{ field: 'contractValue', current: '100000.00', corrected: '120000.00' }];
    const first = await post('/v1/corrections', correction(change), 'correction:1');
    expect(first).toMatchObject({ status: 200, body: { status: 'APPLIED', changes: [{ field: 'contractValue', previous: '100000.00', value: '120000.00' }] } });
    const again = await post('/v1/corrections', correction(change), 'correction:1');
    expect(again).toMatchObject({ status: 200, replayed: 'true' });
    expect(erp.ledger.corrections).toHaveLength(1);
    expect(erp.ledger.contracts.get('eng-1')!.contractValue).toBe('120000.00');
    expect((await post('/v1/corrections', correction([{ field: 'contractValue', current: null, corrected: '1.00' }]), 'correction:1')).status).toBe(409);

    const unknownRecord = await post('/v1/corrections', correction(change, { type: 'Contract', id: 'eng-unknown', externalId: null }), 'correction:2');
    expect(unknownRecord).toMatchObject({ status: 422, body: { code: 'UNKNOWN_RECORD' } });
    const unknownField = await post('/v1/corrections', correction([{ field: 'currency', current: 'EUR', corrected: 'USD' }]), 'correction:3');
    expect(unknownField).toMatchObject({ status: 422, body: { code: 'UNKNOWN_FIELD' } });
    expect(erp.ledger.contracts.get('eng-1')!.contractValue).toBe('120000.00');
  });
});
