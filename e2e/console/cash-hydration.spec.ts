// The cash page's three views (CONVENTIONS §10): the first page is in the server's HTML
// (prefetched and hydrated, no API call on first load); filtering, paging and removing the
// filter chip change only the URL and read GET /api/v1/cash/receipts or the browser's cache,
// with no document load and no server render of the page. On the demo world's receipts.
import { expect, test, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { nextApiAnswer, watchRequests } from '../support/requests';

interface ReceiptPage {
  items: { paymentId: string; status: string }[];
  nextCursor: string | null;
}

const API = '/api/v1/cash/receipts';
const visiblePayments = (page: Page) => page.getByTestId('receipt-row').filter({ visible: true }).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-payment')));
const payments = (answer: ReceiptPage) => answer.items.map((r) => r.paymentId);

test('receipts render from the server prefetch, then filter and page through the API and the cache', async ({ page }) => {
  test.slow(); // accessibility checks of long tables on a busy machine
  await signIn(page, demoUser('FINANCE'), '/');
  const requests = watchRequests(page, { pagePath: '/cash', apiPath: API });
  await page.goto('/cash?view=receipts');
  await expect(page.getByTestId('receipt-row').filter({ visible: true }).first()).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  await expect(page.getByRole('status', { name: 'Loading cash' })).toHaveCount(0);
  expect(requests.apiCalls()).toEqual([]);
  const unfiltered = await visiblePayments(page);

  requests.clear();
  const filtered = nextApiAnswer(page, API, 'status', 'APPLIED');
  const form = page.getByRole('form', { name: 'Filter receipts' });
  await form.getByLabel('Status').selectOption('APPLIED');
  await form.getByRole('button', { name: 'Apply' }).click();
  const applied = (await (await filtered).json()) as ReceiptPage;
  expect(applied.items.length).toBeGreaterThan(0);
  expect(applied.items.every((r) => r.status === 'APPLIED')).toBe(true);
  await expect(page).toHaveURL(/view=receipts/);
  await expect(page).toHaveURL(/status=APPLIED/);
  await expect.poll(() => visiblePayments(page)).toEqual(payments(applied));
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
  await expectAccessible(page, 'the receipts filtered by status');

  if (applied.nextCursor) {
    const second = nextApiAnswer(page, API, 'cursor');
    await page.getByTestId('next-page').filter({ visible: true }).click();
    const next = (await (await second).json()) as ReceiptPage;
    await expect(page).toHaveURL(/cursor=/);
    await expect.poll(() => visiblePayments(page)).toEqual(payments(next));
    expect(next.items.some((r) => payments(applied).includes(r.paymentId))).toBe(false);
  }

  // Removing the chip goes back to the first view, which the cache has: no API call.
  requests.clear();
  await page.getByRole('link', { name: /^Remove filter: / }).filter({ visible: true }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect.poll(() => visiblePayments(page)).toEqual(unfiltered);
  expect(requests.apiCalls()).toEqual([]);
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
});

test('decisions render from the server prefetch and page through the API', async ({ page }) => {
  await signIn(page, demoUser('FINANCE'), '/');
  const requests = watchRequests(page, { pagePath: '/cash', apiPath: '/api/v1/cash/decisions' });
  await page.goto('/cash?view=decisions');
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  const rows = page.getByTestId('decision-row').filter({ visible: true });
  test.skip((await rows.count()) === 0, 'nothing awaits a decision in this world');
  expect(requests.apiCalls()).toEqual([]);
  await expectAccessible(page, 'the decisions view');
  const next = page.getByTestId('next-page').filter({ visible: true });
  if ((await next.count()) === 0) return;
  requests.clear();
  const second = nextApiAnswer(page, '/api/v1/cash/decisions', 'cursor');
  await next.click();
  const answer = (await (await second).json()) as { items: { exceptionId: string }[] };
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(answer.items.length);
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
});

test('the unapplied-cash workbench renders from the server prefetch', async ({ page }) => {
  await signIn(page, demoUser('FINANCE'), '/');
  const requests = watchRequests(page, { pagePath: '/cash', apiPath: '/api/v1/cash/unapplied' });
  await page.goto('/cash');
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  await expect(page.getByTestId('workbench-receipt').filter({ visible: true }).or(page.getByTestId('empty-state')).first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading cash' })).toHaveCount(0);
  expect(requests.apiCalls()).toEqual([]);
  await expectAccessible(page, 'the workbench on first load');
});
