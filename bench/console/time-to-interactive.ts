// Navigation → interactive for one console page in a real Chromium: a full page load in a
// fresh tab of the signed-in context (the worst case a shared link gives; the browser cache
// is warm as it is for someone who uses the console daily), timed in the page's own clock
// from navigation start until React has hydrated (components/providers.tsx marks
// <html data-hydrated>), the heading is on screen and no widget still shows its loading
// state (aria-busy). The longest main-thread task during the load says whether it froze.
import type { BrowserContext, Page } from '@playwright/test';

export interface PageTiming {
  interactiveMs: number;
  longestTaskMs: number;
}

export async function timeToInteractive(context: BrowserContext, path: string, timeoutMs = 20_000): Promise<PageTiming> {
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __longestTask: number };
      w.__longestTask = 0;
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longestTask = Math.max(w.__longestTask, entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // Long-task timing is a Chromium feature; without it the figure stays 0.
      }
    });
    const response = await page.goto(path, { waitUntil: 'commit' });
    if (!response || response.status() >= 400) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
    if (new URL(page.url()).pathname.startsWith('/login')) throw new Error(`${path} sent the browser to sign in: the session is missing`);
    const interactiveMs = await whenInteractive(page, timeoutMs);
    const longestTaskMs = await page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask);
    return { interactiveMs, longestTaskMs };
  } finally {
    await page.close();
  }
}

/**
 * Waits until the page is interactive and returns that instant in the page's clock (ms
 * since navigation start), read in the page the moment it is true, not after a round trip.
 */
export async function whenInteractive(page: Page, timeoutMs = 20_000): Promise<number> {
  const ready = await page.waitForFunction(
    () => {
      const ok = document.documentElement?.dataset.hydrated === 'true' && document.querySelector('h1') !== null && document.querySelector('[aria-busy="true"]') === null;
      return ok ? performance.now() : false;
    },
    undefined,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await ready.jsonValue()) as number;
}
