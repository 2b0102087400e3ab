// POST /api/v1/exceptions/{id}/fix on a real database: the mapping is written for the
// system the exception names; roles, codes without an inline fix and bad bodies are refused
// with problem+json.
import { describe, expect, it } from 'vitest';
import { POST as fixRoute } from '@/app/api/v1/exceptions/[id]/fix/route';
import { db } from '../db/client.ts';
import type { ExceptionCode } from '../db/generated/enums.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { createPerson, entityId } from '../../test/fixtures/exceptions.ts';

const post = (id: string, headers: Record<string, string>, body: unknown) =>
  fixRoute(new Request(`http://localhost/api/v1/exceptions/${id}/fix`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
const open = (code: ExceptionCode, details: Record<string, unknown>) =>
  db().$transaction((tx) => raiseException(tx, { code, entityType: 'Quote', entityId: entityId(), details, now: new Date() }));

describe('POST /api/v1/exceptions/{id}/fix', () => {
  it('maps the SKU for the named system and answers with the exception; 403, 422 and 400 otherwise', async () => {
    const sku = entityId('SKU');
    const system = entityId('sys').slice(0, 40);
    const exception = await open('UNMAPPED_SERVICE_SKU', { unmappedSkus: [sku], system });
    const [ops, finance] = [await createPerson('INTEGRATION_OPS'), await createPerson('FINANCE')];

    const denied = await post(exception.id, finance.bearer, { choices: [{ external: sku, canonical: 'ADV-SENIOR' }] });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toBe('application/problem+json');
    expect((await post(exception.id, ops.bearer, { choices: [] })).status).toBe(400);
    const wrong = await post(exception.id, ops.bearer, { choices: [{ external: sku, canonical: 'NO-SUCH-SKU' }] });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).detail).toMatch(/not an active catalog item/);

    const response = await post(exception.id, ops.bearer, { choices: [{ external: sku, canonical: 'ADV-SENIOR' }], replay: false });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ fix: { kind: 'service-sku', system, externalValues: [sku] }, changed: 1, requeuedEventIds: null, exception: { id: exception.id } });
    expect(body.exception.actions.map((a: { kind: string }) => a.kind)).toContain('FIX_MAPPING');
    expect(await db().fieldMapping.findFirst({ where: { system, externalValue: sku } })).toMatchObject({ canonicalValue: 'ADV-SENIOR' });

    const noFix = await open('SCHEMA_INVALID', {});
    expect((await post(noFix.id, ops.bearer, { choices: [{ external: 'x', canonical: 'y' }] })).status).toBe(422);
  });
});
