// Email + password sign-in against the real User table.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { hashPassword } from './password.ts';
import { verifyCredentials } from './verify-credentials.ts';

async function createUser(options: { email?: string; password?: string | null; active?: boolean } = {}) {
  const email = options.email ?? `user-${randomUUID()}@example.com`;
  const passwordHash = options.password === null ? null : await hashPassword(options.password ?? 'right password');
  return db().user.create({ data: { email, name: 'Fiona Finance', role: 'FINANCE', passwordHash, active: options.active ?? true } });
}

describe('verifyCredentials', () => {
  it('returns the user for the right password and records the sign-in', async () => {
    const user = await createUser();
    const now = new Date('2026-03-01T09:00:00.000Z');
    const verified = await verifyCredentials({ email: user.email, password: 'right password', now });
    expect(verified).toEqual({ id: user.id, email: user.email, name: 'Fiona Finance', role: 'FINANCE' });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastSignInAt?.toISOString()).toBe(now.toISOString());
  });

  it('accepts the email in any case and with surrounding spaces', async () => {
    const user = await createUser();
    expect(await verifyCredentials({ email: `  ${user.email.toUpperCase()} `, password: 'right password' })).not.toBeNull();
  });

  it('refuses a wrong password without recording a sign-in', async () => {
    const user = await createUser();
    expect(await verifyCredentials({ email: user.email, password: 'wrong password' })).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull();
  });

  it('refuses an unknown email, after doing the work of a real check', async () => {
    const started = performance.now();
    expect(await verifyCredentials({ email: 'nobody@example.com', password: 'whatever' })).toBeNull();
    // A real scrypt verification takes tens of milliseconds; a bare lookup takes ~1 ms.
    expect(performance.now() - started).toBeGreaterThan(20);
  });

  it('refuses a deactivated user even with the right password', async () => {
    const user = await createUser({ active: false });
    expect(await verifyCredentials({ email: user.email, password: 'right password' })).toBeNull();
  });

  it('refuses a user without a password (e.g. OIDC-only)', async () => {
    const user = await createUser({ password: null });
    expect(await verifyCredentials({ email: user.email, password: '' })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: 'anything' })).toBeNull();
  });
});
