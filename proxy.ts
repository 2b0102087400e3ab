// Proxy (Next 16's name for middleware): an optimistic first check that sends signed-out
// visitors of console pages to sign-in with their destination. Pages, route handlers and
// server actions still check on the server; this only saves a round of rendering.
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth/page-access-header';
import { sessionPrincipalFromHeaders } from '@/lib/auth/session-principal';

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const principal = await sessionPrincipalFromHeaders(request.headers);
  if (!principal) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  // Tell server components where the person is (layouts do not receive the path).
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything except sign-in, the APIs (they answer 401 themselves), Next's assets and
  // files with an extension (favicon.ico, robots.txt, images).
  matcher: ['/((?!login|api/|_next/|.*\\.[A-Za-z0-9]+$).*)'],
};
