// The connectors admin API through apiRoute with real personal API tokens: permissions,
// 201 with credentials once, 409 for taken codes and sources, 400 with JSON pointers,
// rotation, and reads that never carry a credential.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GET as getConnector } from '@/app/api/v1/connectors/[code]/route';
import { POST as rotateConnector } from '@/app/api/v1/connectors/[code]/rotate/route';
import { GET as listConnectors, POST as createConnector } from '@/app/api/v1/connectors/route';
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { authenticateConnector } from '../ingest/auth/authenticate-connector.ts';
import { signPayload } from '../ingest/auth/signature.ts';
import { verifySignature } from '../ingest/auth/verify-signature.ts';
import { createApiToken } from '../services/create-api-token.ts';

const noParams = { params: Promise.resolve({}) };
const forCode = (code: string) => ({ params: Promise.resolve({ code }) });
const json = { 'content-type': 'application/json' };

async function bearerFor(role: Role) {
  const user = await db().user.create({ data: { email: `user-${randomUUID()}@example.com`, name: role, role } });
  const { token } = await createApiToken({ userId: user.id, name: 'test', expiresAt: null });
  return { user, headers: { authorization: `Bearer ${token}` } };
}

const post = (path: string, headers: Record<string, string>, body: unknown) =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { ...headers, ...json }, body: JSON.stringify(body) });
const get = (path: string, headers: Record<string, string>) => new Request(`http://localhost${path}`, { headers });

describe('/api/v1/connectors', () => {
  it('creates (ADMIN), answers 201 with token and secret once, and the credentials work', async () => {
    const admin = await bearerFor('ADMIN');
    const response = await createConnector(post('/api/v1/connectors', admin.headers, { code: 'api-crm', name: 'CRM', kind: 'CRM', sources: ['/api/crm'] }), noParams);
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/v1/connectors/api-crm');
    const created = await response.json();
    expect(created).toMatchObject({ code: 'api-crm', token: expect.stringMatching(/^tl_con_/), signingSecret: expect.stringMatching(/^tl_whsec_/) });

    const connector = await authenticateConnector(`Bearer ${created.token}`);
    const body = Buffer.from('{"id":"1"}');
    await expect(verifySignature({ connector, header: signPayload(created.signingSecret, body), rawBody: body })).resolves.toMatchObject({ verified: true });

    const audit = await db().auditRecord.findFirstOrThrow({ where: { entityType: 'Connector', entityId: created.id } });
    expect(audit).toMatchObject({ actorType: 'USER', actorId: admin.user.id, action: 'connector.created', correlationId: response.headers.get('x-correlation-id') });
  });

  it('403 for roles without connectors:manage; reads for INTEGRATION_OPS, not EXECUTIVE; 401 without a token', async () => {
    const ops = await bearerFor('INTEGRATION_OPS');
    const executive = await bearerFor('EXECUTIVE');
    const body = { code: 'api-denied', name: 'x', kind: 'ERP', sources: ['/api/denied'] };
    expect((await createConnector(post('/api/v1/connectors', ops.headers, body), noParams)).status).toBe(403);
    expect((await listConnectors(get('/api/v1/connectors', ops.headers), noParams)).status).toBe(200);
    expect((await listConnectors(get('/api/v1/connectors', executive.headers), noParams)).status).toBe(403);
    expect((await listConnectors(get('/api/v1/connectors', {}), noParams)).status).toBe(401);
    expect(await db().connector.count({ where: { code: 'api-denied' } })).toBe(0);
  });

  it('409 problem+json for a taken code or source', async () => {
    const admin = await bearerFor('ADMIN');
    const body = { code: 'api-erp', name: 'ERP', kind: 'ERP', sources: ['/api/erp'] };
    expect((await createConnector(post('/api/v1/connectors', admin.headers, body), noParams)).status).toBe(201);
    const sameCode = await createConnector(post('/api/v1/connectors', admin.headers, { ...body, sources: ['/api/erp2'] }), noParams);
    expect(sameCode.status).toBe(409);
    expect(sameCode.headers.get('content-type')).toBe('application/problem+json');
    expect(await sameCode.json()).toMatchObject({ code: 'CONFLICT', errors: [{ pointer: '/code' }] });
    const sameSource = await createConnector(post('/api/v1/connectors', admin.headers, { ...body, code: 'api-erp2' }), noParams);
    expect(sameSource.status).toBe(409);
    expect(await sameSource.json()).toMatchObject({ detail: expect.stringContaining('/api/erp (connector api-erp)'), errors: [{ pointer: '/sources' }] });
  });

  it('400 with JSON pointers for invalid input', async () => {
    const admin = await bearerFor('ADMIN');
    const response = await createConnector(
      post('/api/v1/connectors', admin.headers, { code: 'Bad', name: '', kind: 'MAINFRAME', sources: ['ok', 'has space'], endpoint: 'ftp://x', ingestRateLimitPerMinute: 0 }),
      noParams,
    );
    expect(response.status).toBe(400);
    const pointers = (await response.json()).errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(['/code', '/name', '/kind', '/sources/1', '/endpoint', '/ingestRateLimitPerMinute']);
  });

  it('lists and gets without credentials; 404 for an unknown or malformed code', async () => {
    const admin = await bearerFor('ADMIN');
    const created = await (await createConnector(post('/api/v1/connectors', admin.headers, { code: 'api-bank', name: 'Bank', kind: 'BANK', sources: ['/api/bank'] }), noParams)).json();
    const listed = await (await listConnectors(get('/api/v1/connectors', admin.headers), noParams)).json();
    const one = await (await getConnector(get('/api/v1/connectors/api-bank', admin.headers), forCode('api-bank'))).json();
    expect(one).toMatchObject({ code: 'api-bank', activeSecretCount: 1, requiresSignature: true, secrets: [{ fingerprint: created.secretFingerprint, state: 'current' }] });
    const text = JSON.stringify([listed, one]);
    expect(text).toContain('api-bank');
    for (const forbidden of [created.token, created.signingSecret, 'tokenHash', 'encryptedSecret']) expect(text).not.toContain(forbidden);
    expect((await getConnector(get('/x', admin.headers), forCode('nope-nope'))).status).toBe(404);
    expect((await getConnector(get('/x', admin.headers), forCode('NOT VALID'))).status).toBe(404);
  });
});

describe('POST /api/v1/connectors/{code}/rotate', () => {
  it('rotates the secret with an overlap and the token at once; 400 and 404 where due', async () => {
    const admin = await bearerFor('ADMIN');
    const created = await (await createConnector(post('/api/v1/connectors', admin.headers, { code: 'api-psa', name: 'PSA', kind: 'PSA', sources: ['/api/psa'] }), noParams)).json();

    const secret = await rotateConnector(post('/api/v1/connectors/api-psa/rotate', admin.headers, { what: 'secret', overlapHours: 2 }), forCode('api-psa'));
    expect(secret.status).toBe(200);
    const rotatedSecret = await secret.json();
    expect(rotatedSecret).toMatchObject({ what: 'secret', signingSecret: expect.stringMatching(/^tl_whsec_/), previousValidUntil: expect.any(String) });
    const connector = await authenticateConnector(`Bearer ${created.token}`);
    const body = Buffer.from('{}');
    for (const s of [created.signingSecret, rotatedSecret.signingSecret]) {
      await expect(verifySignature({ connector, header: signPayload(s, body), rawBody: body })).resolves.toMatchObject({ verified: true });
    }

    const token = await (await rotateConnector(post('/api/v1/connectors/api-psa/rotate', admin.headers, { what: 'token', overlapHours: 0 }), forCode('api-psa'))).json();
    await expect(authenticateConnector(`Bearer ${created.token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(authenticateConnector(`Bearer ${token.token}`)).resolves.toMatchObject({ code: 'api-psa' });

    const invalid = await rotateConnector(post('/x', admin.headers, { what: 'password' }), forCode('api-psa'));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors).toEqual([{ pointer: '/what', message: expect.any(String) }]);
    expect((await rotateConnector(post('/x', admin.headers, { what: 'token' }), forCode('nope-nope'))).status).toBe(404);
    const ops = await bearerFor('INTEGRATION_OPS');
    expect((await rotateConnector(post('/x', ops.headers, { what: 'token' }), forCode('api-psa'))).status).toBe(403);
  });
});
