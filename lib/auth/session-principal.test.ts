import { encode, type JWT } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { principalFromSessionJwt, sessionPrincipalFromHeaders } from './session-principal.ts';

const secret = 'unit-secret-that-is-at-least-32-characters!';
process.env.NEXTAUTH_SECRET = secret;
const sub = '6f1e0b1e-34a5-4c5e-9a57-6d1a2b3c4d5e';

describe('principalFromSessionJwt', () => {
  it('reads the claims our jwt callback writes', () => {
    expect(principalFromSessionJwt({ sub, email: 'a@example.com', name: 'Ann', role: 'DELIVERY' })).toEqual({
      kind: 'user', userId: sub, email: 'a@example.com', name: 'Ann', role: 'DELIVERY', via: 'session',
    });
  });

  it('falls back to the email when there is no name', () => {
    expect(principalFromSessionJwt({ sub, email: 'a@example.com', name: null, role: 'ADMIN' })?.name).toBe('a@example.com');
  });

  it.each([
    ['no subject', { email: 'a@example.com', role: 'ADMIN' }],
    ['no email', { sub, role: 'ADMIN' }],
    ['no role', { sub, email: 'a@example.com' }],
    ['unknown role', { sub, email: 'a@example.com', role: 'SUPERUSER' }],
  ])('refuses a token with %s', (_label, claims) => {
    // Cast: these are exactly the malformed tokens the type says cannot exist.
    expect(principalFromSessionJwt(claims as JWT)).toBeNull();
  });
});

describe('sessionPrincipalFromHeaders', () => {
  it('decrypts the session cookie', async () => {
    const jwt = await encode({ secret, token: { sub, email: 'a@example.com', name: 'Ann', role: 'FINANCE' } });
    const principal = await sessionPrincipalFromHeaders(new Headers({ cookie: `other=1; next-auth.session-token=${jwt}` }));
    expect(principal?.role).toBe('FINANCE');
  });

  it('ignores a session JWT sent as a Bearer header (those are for API tokens)', async () => {
    const jwt = await encode({ secret, token: { sub, email: 'a@example.com', role: 'FINANCE' } });
    expect(await sessionPrincipalFromHeaders(new Headers({ authorization: `Bearer ${jwt}` }))).toBeNull();
  });

  it('refuses a cookie encrypted with another secret', async () => {
    const jwt = await encode({ secret: 'another-secret-of-at-least-32-characters', token: { sub, email: 'a@example.com', role: 'FINANCE' } });
    expect(await sessionPrincipalFromHeaders(new Headers({ cookie: `next-auth.session-token=${jwt}` }))).toBeNull();
  });
});
