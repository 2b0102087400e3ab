// Reads the next-auth session (an encrypted JWT in a cookie) into a Principal. Works from
// bare headers so that route handlers, server components, server actions and the proxy
// share one path. The role is the one in the JWT (set at sign-in; sessions are short).
import { getToken, type JWT } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { isRole } from './permissions.ts';
import type { Principal } from './principal.ts';
import { authSecret, secureCookies } from './auth-secret.ts';

export async function sessionPrincipalFromHeaders(headers: Headers): Promise<Principal | null> {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  // Only the cookie is handed over: getToken would otherwise also accept a session JWT
  // sent as a Bearer header, and Bearer headers are reserved for personal API tokens.
  const req = new NextRequest('http://threadline.invalid/', { headers: { cookie } });
  const token = await getToken({ req, secret: authSecret(), secureCookie: secureCookies() });
  return token ? principalFromSessionJwt(token) : null;
}

/** The claims our jwt callback writes; anything else (an old or foreign token) is refused. */
export function principalFromSessionJwt(token: JWT): Principal | null {
  const { sub, email, name, role } = token;
  if (typeof sub !== 'string' || sub.length === 0 || typeof email !== 'string' || !isRole(role)) return null;
  return { kind: 'user', userId: sub, email, name: typeof name === 'string' && name ? name : email, role, via: 'session' };
}
