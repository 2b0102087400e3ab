// Guards for console pages. Every page checks on the server, because layouts are not
// re-rendered on client-side navigation and the proxy only makes an optimistic check.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentPrincipal } from './current-principal.ts';
import { can, type Permission } from './permissions.ts';
import type { Principal } from './principal.ts';
import { REQUEST_PATH_HEADER } from './page-access-header.ts';
import { safeCallbackPath } from './safe-callback-path.ts';

export async function requireSignedIn(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (principal) return principal;
  const path = safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER));
  redirect(path === '/' ? '/login' : `/login?callbackUrl=${encodeURIComponent(path)}`);
}

export async function pageAccess(permission: Permission): Promise<{ principal: Principal; allowed: boolean }> {
  const principal = await requireSignedIn();
  return { principal, allowed: can(principal.role, permission) };
}
