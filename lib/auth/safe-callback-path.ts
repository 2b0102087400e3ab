// Where to send someone after sign-in: only a path on this site. Anything that could
// leave the origin (`//evil.com`, `/\evil.com`, `https://…`, `javascript:`) or loop back
// to sign-in becomes '/'. Used by the sign-in page and the proxy.
const probeOrigin = 'http://threadline.invalid';

export function safeCallbackPath(value: string | string[] | null | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || candidate.length > 2048 || !candidate.startsWith('/')) return '/';
  // Browsers treat backslashes as slashes and ignore tabs/newlines inside URLs.
  if (/[\\\u0000-\u001f\u007f]/.test(candidate) || candidate.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(candidate, probeOrigin);
  } catch {
    return '/';
  }
  if (url.origin !== probeOrigin) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
