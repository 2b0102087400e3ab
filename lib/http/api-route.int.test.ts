// The operations API's edge on a real database: apiRoute and the /api/v1/me routes,
// called with real Request objects and real personal API tokens and session cookies.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as listTokens, POST as createToken } from '@/app/api/v1/me/tokens/route';
import { DELETE as deleteToken } from '@/app/api/v1/me/tokens/[id]/route';
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { createApiToken } from '../services/create-api-token.ts';
import { apiRoute } from './api-route.ts';

const secret = 'integration-secret-that-is-at-least-32-chars';
process.env.NEXTAUTH_SECRET = secret;

const noParams = { params: Promise.resolve({}) };

async function createUser(role: Role) {
  const user = await db().user.create({ data: { email: `user-${randomUUID()}@example.com`, name: `${role} person`, role } });
  const { token } = await createApiToken({ userId: user.id, name: 'test', expiresAt: null });
  const jwt = await encode({ secret, token: { sub: user.id, email: user.email, name: user.name, role } });
  return { user, token, bearer: { authorization: `Bearer ${token}` }, cookie: { cookie: `next-auth.session-token=${jwt}` } };
}

const req = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, init);

describe('apiRoute with real tokens', () => {
  const approve = apiRoute({ permission: 'finance:approve', handler: ({ principal }) => ({ approvedBy: principal.email }) });

  it('401 without credentials, 401 for a revoked token', async () => {
    expect((await approve(req('/x'), noParams)).status).toBe(401);
    const finance = await createUser('FINANCE');
    await db().apiToken.updateMany({ where: { userId: finance.user.id }, data: { revokedAt: new Date() } });
    expect((await approve(req('/x', { headers: finance.bearer }), noParams)).status).toBe(401);
  });

  it('403 for a role without the permission, 200 for one with it', async () => {
    const executive = await createUser('EXECUTIVE');
    const finance = await createUser('FINANCE');
    const denied = await approve(req('/x', { headers: executive.bearer }), noParams);
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toBe('application/problem+json');
    const allowed = await approve(req('/x', { headers: finance.bearer }), noParams);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ approvedBy: finance.user.email });
  });
});

describe('GET /api/v1/me', () => {
  it('answers who the token belongs to, with the role and its permissions', async () => {
    const ops = await createUser('INTEGRATION_OPS');
    const response = await getMe(req('/api/v1/me', { headers: ops.bearer }), noParams);
    expect(response.status).toBe(200);
    const me = await response.json();
    expect(me).toMatchObject({ id: ops.user.id, email: ops.user.email, role: 'INTEGRATION_OPS', authenticatedVia: 'token' });
    expect(me.permissions).toContain('exceptions:triage');
    expect(me.permissions).not.toContain('finance:approve');
  });
});

describe('/api/v1/me/tokens', () => {
  it('creates (session only), lists and revokes a token; the revoked token stops working', async () => {
    const delivery = await createUser('DELIVERY');
    const json = { 'content-type': 'application/json' };

    const viaToken = await createToken(req('/api/v1/me/tokens', { method: 'POST', headers: { ...delivery.bearer, ...json }, body: '{"name":"x"}' }), noParams);
    expect(viaToken.status).toBe(403);

    const invalid = await createToken(req('/api/v1/me/tokens', { method: 'POST', headers: { ...delivery.cookie, ...json }, body: '{"name":""}' }), noParams);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors).toEqual([{ pointer: '/name', message: expect.any(String) }]);

    const created = await createToken(
      req('/api/v1/me/tokens', { method: 'POST', headers: { ...delivery.cookie, ...json }, body: JSON.stringify({ name: 'Month-end export', expiresInDays: 30 }) }),
      noParams,
    );
    expect(created.status).toBe(201);
    const token = await created.json();
    expect(token).toMatchObject({ name: 'Month-end export', token: expect.stringMatching(/^tl_pat_/), prefix: expect.stringMatching(/^tl_pat_/) });

    const listed = await (await listTokens(req('/api/v1/me/tokens', { headers: { authorization: `Bearer ${token.token}` } }), noParams)).json();
    expect(listed.tokens.map((t: { name: string }) => t.name).sort()).toEqual(['Month-end export', 'test']);
    expect(JSON.stringify(listed)).not.toContain(token.token);

    const revoke = () => deleteToken(req(`/api/v1/me/tokens/${token.id}`, { method: 'DELETE', headers: delivery.bearer }), { params: Promise.resolve({ id: token.id }) });
    expect((await revoke()).status).toBe(204);
    expect((await revoke()).status).toBe(204);
    const withRevoked = await getMe(req('/api/v1/me', { headers: { authorization: `Bearer ${token.token}` } }), noParams);
    expect(withRevoked.status).toBe(401);
  });

  it("404 for someone else's token and for a malformed id", async () => {
    const a = await createUser('FINANCE');
    const b = await createUser('FINANCE');
    const bToken = await db().apiToken.findFirstOrThrow({ where: { userId: b.user.id } });
    const other = await deleteToken(req('/x', { method: 'DELETE', headers: a.bearer }), { params: Promise.resolve({ id: bToken.id }) });
    expect(other.status).toBe(404);
    const malformed = await deleteToken(req('/x', { method: 'DELETE', headers: a.bearer }), { params: Promise.resolve({ id: 'abc' }) });
    expect(malformed.status).toBe(404);
  });
});
