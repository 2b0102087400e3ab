// What the queue benchmark opens at 100,000 open exceptions: the default order, every
// other sort, a code filter, and pages further down — each the URL a person's click on a
// sort header, filter or "Next page" loads. Later pages follow the real "Next page" links
// (keyset cursors), so the benchmark reads what the queue itself links to.
import type { BrowserContext } from '@playwright/test';
import { exceptionSorts } from '../../lib/queries/exceptions/exception-sort.ts';

export interface QueueCase {
  name: string;
  path: string;
}

const PAGES_DEEP = 5;

async function followNext(context: BrowserContext, start: string, hops: number): Promise<string> {
  const page = await context.newPage();
  try {
    let url = start;
    for (let i = 0; i < hops; i++) {
      await page.goto(url);
      const next = page.getByTestId('next-page').filter({ visible: true }).first();
      const href = await next.getAttribute('href', { timeout: 20_000 });
      if (!href) throw new Error(`The queue at ${url} has no "Next page" link`);
      url = href;
    }
    return url;
  } finally {
    await page.close();
  }
}

export async function queueCases(context: BrowserContext): Promise<QueueCase[]> {
  const cases: QueueCase[] = exceptionSorts.map((sort) => ({ name: `queue, sort ${sort}`, path: sort === 'default' ? '/exceptions' : `/exceptions?sort=${sort}` }));
  cases.push({ name: 'queue, code UNAPPLIED_CASH', path: '/exceptions?code=UNAPPLIED_CASH' });
  cases.push({ name: `queue, page ${PAGES_DEEP + 1} (default order)`, path: await followNext(context, '/exceptions', PAGES_DEEP) });
  cases.push({ name: `queue, page ${PAGES_DEEP + 1} (by age)`, path: await followNext(context, '/exceptions?sort=firstSeenAt', PAGES_DEEP) });
  return cases;
}
