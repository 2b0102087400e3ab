// The signed-in person for server components, pages and server actions. These are the
// browser's surfaces, so only the session counts here; personal API tokens are for the
// /api/v1 routes (apiRoute).
import { headers } from 'next/headers';
import type { Principal } from './principal.ts';
import { sessionPrincipalFromHeaders } from './session-principal.ts';

export async function currentPrincipal(): Promise<Principal | null> {
  return sessionPrincipalFromHeaders(await headers());
}
