// The invoices list's data path (CONVENTIONS §10): the first page is in the server's HTML
// (prefetched and hydrated, no API call on first load); sorting, filtering and removing a
// filter chip change only the URL and read GET /api/v1/invoices/summaries or the browser's
// cache, with no document load and no server render of the page. On the demo world's invoices.
import { expect, test, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { nextApiAnswer, watchRequests } from '../support/requests';

interface SummaryPage {
  items: { number: string | null; status: string }[];
}

const API = '/api/v1/invoices/summaries';
const visibleNumbers = (page: Page) => page.getByTestId('invoice-row').filter({ visible: true }).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number')));
const numbers = (answer: SummaryPage) => answer.items.map((i) => i.number ?? '');

test('the invoices list renders from the server prefetch, then sorts and filters through the API and the cache', async ({ page }) => {
  test.slow(); // several accessibility checks of a 50-row table on a busy machine
  await signIn(page, demoUser('FINANCE'), '/');
  const requests = watchRequests(page, { pagePath: '/invoices', apiPath: API });
  await page.goto('/invoices');
  await expect(page.getByTestId('invoice-row').filter({ visible: true }).first()).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  await expect(page.getByRole('status', { name: 'Loading invoices' })).toHaveCount(0);
  expect(requests.apiCalls()).toEqual([]);
  await expectAccessible(page, 'the invoices list on first load');

  requests.clear();
  const sorted = nextApiAnswer(page, API, 'sort', '-balanceDue');
  await page.getByTestId('sort-balanceDue').filter({ visible: true }).click();
  const byBalance = (await (await sorted).json()) as SummaryPage;
  await expect(page).toHaveURL(/[?&]sort=-balanceDue/);
  await expect.poll(() => visibleNumbers(page)).toEqual(numbers(byBalance));
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);

  requests.clear();
  const filtered = nextApiAnswer(page, API, 'status', 'PARTIALLY_PAID');
  const form = page.getByTestId('invoice-filters').filter({ visible: true });
  await form.getByLabel('Status').selectOption('PARTIALLY_PAID');
  await form.getByRole('button', { name: 'Apply' }).click();
  const partlyPaid = (await (await filtered).json()) as SummaryPage;
  expect(partlyPaid.items.every((i) => i.status === 'PARTIALLY_PAID')).toBe(true);
  await expect(page).toHaveURL(/status=PARTIALLY_PAID/);
  await expect(page).toHaveURL(/sort=-balanceDue/);
  await expect.poll(() => visibleNumbers(page)).toEqual(numbers(partlyPaid));
  await expect(page.getByTestId('filter-chip-label').filter({ visible: true })).toHaveText(['Partially paid']);
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
  await expectAccessible(page, 'the invoices list filtered by status');

  // Removing the chip goes back to a view the cache already has: no API call either.
  requests.clear();
  await page.getByRole('link', { name: 'Remove filter: Partially paid' }).filter({ visible: true }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect.poll(() => visibleNumbers(page)).toEqual(numbers(byBalance));
  await expect(page.getByTestId('filter-chips')).toHaveCount(0);
  await expect(page.getByTestId('invoice-filters').filter({ visible: true }).getByLabel('Status')).toHaveValue('');
  expect(requests.apiCalls()).toEqual([]);
  expect(requests.documents()).toEqual([]);
  expect(requests.pageRenders()).toEqual([]);
});
