// Personal API tokens end to end on the real tables: create → resolve → revoke, expiry,
// deactivated owners, and the once-a-minute lastUsedAt write.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import type { Role } from '../db/generated/enums.ts';
import { createApiToken } from '../services/create-api-token.ts';
import { revokeApiToken } from '../services/revoke-api-token.ts';
import { authenticateRequest } from './authenticate.ts';
import { resolveApiToken } from './resolve-api-token.ts';

const t0 = new Date('2026-03-01T09:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function createUser(role: Role = 'DELIVERY', active = true) {
  return db().user.create({ data: { email: `user-${randomUUID()}@example.com`, name: 'Dee Delivery', role, active } });
}

describe('resolveApiToken', () => {
  it('resolves a fresh token to its owner with the current role', async () => {
    const user = await createUser();
    const { token } = await createApiToken({ userId: user.id, name: 'script', expiresAt: null, now: t0 });
    expect(await resolveApiToken({ token, now: at(1) })).toEqual({
      kind: 'user', userId: user.id, email: user.email, name: 'Dee Delivery', role: 'DELIVERY', via: 'token',
    });
    await db().user.update({ where: { id: user.id }, data: { role: 'FINANCE' } });
    expect((await resolveApiToken({ token, now: at(2) }))?.role).toBe('FINANCE');
  });

  it('stores only the hash and a display prefix', async () => {
    const user = await createUser();
    const created = await createApiToken({ userId: user.id, name: 'script', expiresAt: null, now: t0 });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.prefix).toBe(created.token.slice(0, 13));
  });

  it('refuses unknown, malformed, revoked and expired tokens', async () => {
    const user = await createUser();
    const expiring = await createApiToken({ userId: user.id, name: 'short', expiresAt: at(60), now: t0 });
    const revoked = await createApiToken({ userId: user.id, name: 'old', expiresAt: null, now: t0 });
    await revokeApiToken({ userId: user.id, tokenId: revoked.id, now: at(1) });

    expect(await resolveApiToken({ token: 'tl_pat_' + 'A'.repeat(43), now: at(2) })).toBeNull();
    expect(await resolveApiToken({ token: 'not-a-token', now: at(2) })).toBeNull();
    expect(await resolveApiToken({ token: revoked.token, now: at(2) })).toBeNull();
    expect(await resolveApiToken({ token: expiring.token, now: at(59) })).not.toBeNull();
    expect(await resolveApiToken({ token: expiring.token, now: at(60) })).toBeNull();
  });

  it('refuses the tokens of a deactivated person', async () => {
    const user = await createUser('ADMIN', false);
    const { token } = await createApiToken({ userId: user.id, name: 'x', expiresAt: null, now: t0 });
    expect(await resolveApiToken({ token, now: at(1) })).toBeNull();
  });

  it('records lastUsedAt at most once a minute', async () => {
    const user = await createUser();
    const { id, token } = await createApiToken({ userId: user.id, name: 'x', expiresAt: null, now: t0 });
    const lastUsed = async () => (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.toISOString();

    await resolveApiToken({ token, now: at(10) });
    expect(await lastUsed()).toBe(at(10).toISOString());
    await Promise.all([resolveApiToken({ token, now: at(30) }), resolveApiToken({ token, now: at(69) })]);
    expect(await lastUsed()).toBe(at(10).toISOString());
    await resolveApiToken({ token, now: at(70) });
    expect(await lastUsed()).toBe(at(70).toISOString());
  });
});

describe('revokeApiToken', () => {
  it('is safe to repeat and keeps the first revocation time', async () => {
    const user = await createUser();
    const { id } = await createApiToken({ userId: user.id, name: 'x', expiresAt: null, now: t0 });
    expect((await revokeApiToken({ userId: user.id, tokenId: id, now: at(5) })).revokedAt.toISOString()).toBe(at(5).toISOString());
    expect((await revokeApiToken({ userId: user.id, tokenId: id, now: at(9) })).revokedAt.toISOString()).toBe(at(5).toISOString());
  });

  it("answers NOT_FOUND for someone else's token and leaves it alone", async () => {
    const owner = await createUser();
    const other = await createUser();
    const { id, token } = await createApiToken({ userId: owner.id, name: 'x', expiresAt: null, now: t0 });
    await expect(revokeApiToken({ userId: other.id, tokenId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeApiToken({ userId: other.id, tokenId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await resolveApiToken({ token, now: at(1) })).not.toBeNull();
  });
});

describe('createApiToken', () => {
  it('refuses a blank name and an expiry in the past', async () => {
    const user = await createUser();
    await expect(createApiToken({ userId: user.id, name: '  ', expiresAt: null, now: t0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(createApiToken({ userId: user.id, name: 'x', expiresAt: at(-1), now: t0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('authenticateRequest with a Bearer token', () => {
  it('resolves a valid token and refuses (never falls back) for a bad one', async () => {
    const user = await createUser();
    const { token } = await createApiToken({ userId: user.id, name: 'x', expiresAt: null });
    const request = (authorization: string) => new Request('http://localhost/api/v1/me', { headers: { authorization } });
    expect((await authenticateRequest(request(`Bearer ${token}`)))?.userId).toBe(user.id);
    await expect(authenticateRequest(request(`Bearer ${token}x`))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
