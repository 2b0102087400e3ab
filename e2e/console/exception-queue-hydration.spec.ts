// The exception queue's data path (CONVENTIONS §10): the first page is in the server's HTML
// (prefetched and hydrated, no loading state and no API call on first load); after that,
// sorting, filtering and paging change only the URL and fetch from GET /api/v1/exceptions
// (no document load, no server render of the page), the back button is served from the
// browser's cache, and a shared URL opens the same view. Runs on the demo world's queue.
import { expect, test, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { nextApiAnswer, watchRequests } from '../support/requests';

interface QueuePage {
  items: { id: string; ownerTeam: string }[];
  nextCursor: string | null;
}

const visibleRowIds = (page: Page) =>
  page.getByTestId('exception-row').filter({ visible: true }).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-exception-id')));

const watch = (page: Page) => watchRequests(page, { pagePath: '/exceptions', apiPath: '/api/v1/exceptions' });

test('the queue renders from the server prefetch, then sorts, filters and pages through the API without reloading', async ({ page }) => {
  test.slow(); // five accessibility checks of a 50-row table on a busy machine
  await signIn(page, demoUser('INTEGRATION_OPS'), '/');
  const requests = watch(page);

  // First paint: the server's HTML already holds the rows, and the browser does not ask the API for them.
  const html = await (await page.request.get('/exceptions')).text();
  expect(html).toContain('data-testid="exception-row"');
  await page.goto('/exceptions');
  await expect(page.getByTestId('exception-row').filter({ visible: true }).first()).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  await expect(page.getByRole('status', { name: 'Loading the queue' })).toHaveCount(0);
  expect(requests.apiCalls()).toEqual([]);
  const defaultOrder = await visibleRowIds(page);
  expect(defaultOrder.length).toBeGreaterThan(1);
  await expectAccessible(page, 'the queue on first load');

  // Sort by impact: a client fetch of the same API, no document and no server render.
  requests.clear();
  const sorted = nextApiAnswer(page, '/api/v1/exceptions', 'sort', '-financialImpact');
  await page.getByTestId('sort-financialImpact').filter({ visible: true }).click();
  const byImpact = (await (await sorted).json()) as QueuePage;
  await expect(page).toHaveURL(/[?&]sort=-financialImpact/);
  await expect.poll(() => visibleRowIds(page)).toEqual(byImpact.items.map((e) => e.id));
  await expect(page.getByTestId('sort-financialImpact').filter({ visible: true }).locator('xpath=..')).toHaveAttribute('aria-sort', 'descending');
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
  await expectAccessible(page, 'the queue sorted by impact');

  // Filter by the owner team of the first row: the form changes the URL (the sort stays) and the view fetches it.
  const owner = byImpact.items[0]!.ownerTeam;
  requests.clear();
  const filtered = nextApiAnswer(page, '/api/v1/exceptions', 'owner', owner);
  const filters = page.getByTestId('queue-filters').filter({ visible: true });
  await filters.getByLabel('Owner team').selectOption(owner);
  await filters.getByRole('button', { name: 'Apply' }).click();
  const byOwner = (await (await filtered).json()) as QueuePage;
  expect(byOwner.items.every((e) => e.ownerTeam === owner)).toBe(true);
  await expect(page).toHaveURL(new RegExp(`owner=${owner}`));
  await expect(page).toHaveURL(/sort=-financialImpact/);
  await expect.poll(() => visibleRowIds(page)).toEqual(byOwner.items.map((e) => e.id));
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
  await expectAccessible(page, 'the queue filtered by owner');

  // Back to the unfiltered order by impact: the browser's cache has it, the API is not asked again.
  requests.clear();
  await page.goBack();
  await expect(page).not.toHaveURL(/owner=/);
  await expect.poll(() => visibleRowIds(page)).toEqual(byImpact.items.map((e) => e.id));
  expect(requests.apiCalls()).toEqual([]);
  expect(requests.documents()).toEqual([]);

  // The view is a URL: opened fresh, the server renders the same rows.
  const shared = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(shared);
  await expect.poll(() => visibleRowIds(fresh)).toEqual(byImpact.items.map((e) => e.id));
  await fresh.close();
});

test('the next page of the queue is a client fetch with the keyset cursor', async ({ page }) => {
  await signIn(page, demoUser('INTEGRATION_OPS'), '/exceptions?status=any');
  const next = page.getByTestId('next-page').filter({ visible: true });
  test.skip((await next.count()) === 0, 'the demo world has one page of exceptions');
  const firstPage = await visibleRowIds(page);
  const requests = watch(page);
  const second = nextApiAnswer(page, '/api/v1/exceptions', 'cursor');
  await next.click();
  const secondPage = (await (await second).json()) as QueuePage;
  await expect(page).toHaveURL(/cursor=/);
  await expect.poll(() => visibleRowIds(page)).toEqual(secondPage.items.map((e) => e.id));
  expect(secondPage.items.some((e) => firstPage.includes(e.id))).toBe(false);
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
  await expectAccessible(page, 'the second page of the queue');
});
