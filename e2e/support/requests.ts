// What a page asks the server for from a given moment: documents, server renders of one
// page (a document or a React Server Components fetch of its path) and calls to one API,
// so a test can prove a view changed through the API and the cache, not a reload.
import type { Page, Request } from '@playwright/test';

export function watchRequests(page: Page, { pagePath, apiPath }: { pagePath: string; apiPath: string }) {
  const seen: Request[] = [];
  page.on('request', (request) => seen.push(request));
  const path = (r: Request) => new URL(r.url()).pathname;
  // Next.js prefetches the links in view (the view tabs link to this page): a prefetch is not
  // a render of the view on screen, so it does not count.
  const prefetch = (r: Request) => Object.keys(r.headers()).some((h) => h.startsWith('next-router-prefetch') || h.startsWith('next-router-segment-prefetch'));
  return {
    documents: () => seen.filter((r) => r.resourceType() === 'document').map((r) => r.url()),
    pageRenders: () => seen.filter((r) => path(r) === pagePath && !prefetch(r)).map((r) => r.url()),
    apiCalls: () => seen.filter((r) => path(r) === apiPath).map((r) => new URL(r.url()).search),
    clear: () => void seen.splice(0),
  };
}

/** The next answer of `apiPath` whose query has `param` (equal to `value` when given). */
export function nextApiAnswer(page: Page, apiPath: string, param: string, value?: string) {
  return page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === apiPath && url.searchParams.has(param) && (value === undefined || url.searchParams.get(param) === value);
  });
}
