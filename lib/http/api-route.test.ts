// apiRoute without a database: anonymous calls, and callers with a real (encrypted)
// next-auth session cookie. Token-authenticated calls are in api-route.int.test.ts.
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Role } from '../db/generated/enums.ts';
import { AppError } from '../errors.ts';
import { apiRoute } from './api-route.ts';

const secret = 'test-secret-that-is-at-least-32-characters-long';
process.env.NEXTAUTH_SECRET = secret;

let financeCookie: string;
let executiveCookie: string;

async function sessionCookie(role: Role): Promise<string> {
  const jwt = await encode({ secret, token: { sub: '6f1e0b1e-34a5-4c5e-9a57-6d1a2b3c4d5e', email: 'fin@example.com', name: 'Fin', role } });
  return `next-auth.session-token=${jwt}`;
}

beforeAll(async () => {
  financeCookie = await sessionCookie('FINANCE');
  executiveCookie = await sessionCookie('EXECUTIVE');
});

const noParams = { params: Promise.resolve({}) };

function call(handler: ReturnType<typeof apiRoute>, init: RequestInit & { path?: string } = {}) {
  return handler(new Request(`http://localhost${init.path ?? '/api/v1/things'}`, init), noParams);
}

const approve = apiRoute({
  permission: 'finance:approve',
  input: z.object({ amount: z.string().regex(/^\d+\.\d{2}$/), lines: z.array(z.object({ sku: z.string() })).optional() }),
  query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
  handler: ({ principal, body, query, correlationId }) => ({ by: principal.email, via: principal.via, amount: body.amount, dryRun: query.dryRun ?? null, correlationId }),
});

describe('apiRoute', () => {
  it('401 problem+json without a session or token, with a correlation id', async () => {
    const response = await call(approve, { method: 'POST', headers: { 'x-correlation-id': 'abc-1' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-correlation-id')).toBe('abc-1');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', correlationId: 'abc-1', instance: '/api/v1/things' });
  });

  it('401 for a Bearer header that is not a valid token, even with a valid session', async () => {
    const response = await call(approve, { method: 'POST', headers: { authorization: 'Bearer nope', cookie: financeCookie } });
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toMatch(/invalid, expired or revoked/);
  });

  it('401 for a forged session cookie', async () => {
    const response = await call(approve, { method: 'POST', headers: { cookie: 'next-auth.session-token=forged' } });
    expect(response.status).toBe(401);
  });

  it('403 when the role lacks the permission', async () => {
    const response = await call(approve, { method: 'POST', headers: { cookie: executiveCookie } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('finance:approve') });
  });

  it('200 with the parsed body and query', async () => {
    const response = await call(approve, {
      method: 'POST',
      path: '/api/v1/things?dryRun=true',
      headers: { cookie: financeCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: '10.00' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ by: 'fin@example.com', via: 'session', amount: '10.00', dryRun: 'true' });
    expect(body.correlationId).toBe(response.headers.get('x-correlation-id'));
  });

  it('400 VALIDATION_FAILED with JSON pointers', async () => {
    const response = await call(approve, {
      method: 'POST',
      headers: { cookie: financeCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 10, lines: [{ sku: 'A' }, { sku: 3 }] }),
    });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/amount', '/lines/1/sku']);
  });

  it('400 VALIDATION_FAILED naming the query parameter', async () => {
    const response = await call(approve, {
      method: 'POST',
      path: '/api/v1/things?dryRun=maybe',
      headers: { cookie: financeCookie, 'content-type': 'application/json' },
      body: '{"amount":"1.00"}',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ parameter: 'dryRun', message: expect.any(String) }]);
  });

  it('400 BAD_REQUEST for malformed JSON, 415 for another media type', async () => {
    const headers = { cookie: financeCookie, 'content-type': 'application/json' };
    expect((await call(approve, { method: 'POST', headers, body: '{"amount":' })).status).toBe(400);
    const form = await call(approve, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'amount=1' });
    expect(form.status).toBe(415);
  });

  it('404 when the route params do not match their schema', async () => {
    const handler = apiRoute({ params: z.object({ id: z.uuid() }), handler: ({ params }) => ({ id: params.id }) });
    const response = await handler(new Request('http://localhost/x', { headers: { cookie: financeCookie } }), { params: Promise.resolve({ id: 'nope' }) });
    expect(response.status).toBe(404);
  });

  it('maps AppError to its status and hides unexpected errors', async () => {
    const conflict = apiRoute({ public: true, handler: () => { throw new AppError('CONFLICT', 'Already issued.'); } });
    const crash = apiRoute({ public: true, handler: () => { throw new Error('password=hunter2'); } });
    const c = await call(conflict);
    expect(c.status).toBe(409);
    expect((await c.json()).detail).toBe('Already issued.');
    const x = await call(crash, { headers: { 'x-correlation-id': 'trace-9' } });
    expect(x.status).toBe(500);
    const text = await x.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ code: 'INTERNAL', correlationId: 'trace-9' });
  });

  it('public routes run without a principal; undefined answers 204; Responses pass through', async () => {
    const empty = apiRoute({ public: true, handler: ({ principal }) => (principal === null ? undefined : { wrong: true }) });
    expect((await call(empty)).status).toBe(204);
    const created = apiRoute({ public: true, handler: () => Response.json({ id: 1 }, { status: 201 }) });
    const response = await call(created);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
    const redirect = apiRoute({ public: true, handler: () => Response.redirect('http://localhost/elsewhere', 303) });
    expect((await call(redirect)).headers.get('x-correlation-id')).toBeTruthy();
  });
});
