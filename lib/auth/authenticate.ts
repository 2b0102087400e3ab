// authenticate*: who is calling? A Bearer header means a personal API token and nothing
// else — if it is invalid the call is refused, never quietly treated as the browser
// session (a script with a revoked token must not act as whoever is signed in).
import { AppError } from '../errors.ts';
import { bearerTokenOf } from './api-token.ts';
import type { Principal } from './principal.ts';
import { resolveApiToken } from './resolve-api-token.ts';
import { sessionPrincipalFromHeaders } from './session-principal.ts';

/** The caller of a route handler; null when anonymous; throws UNAUTHENTICATED for a bad token. */
export function authenticateRequest(request: Request, options: { now?: Date } = {}): Promise<Principal | null> {
  return authenticateHeaders(request.headers, options);
}

export async function authenticateHeaders(headers: Headers, options: { now?: Date } = {}): Promise<Principal | null> {
  const bearer = bearerTokenOf(headers.get('authorization'));
  if (bearer !== undefined) {
    const principal = bearer ? await resolveApiToken({ token: bearer, now: options.now }) : null;
    if (!principal) {
      throw new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked.', {
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      });
    }
    return principal;
  }
  return sessionPrincipalFromHeaders(headers);
}
