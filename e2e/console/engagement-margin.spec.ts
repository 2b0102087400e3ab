// The dashboard's margin figure opens the engagements the KPI counts, furthest below plan
// first, with the KPI's margin % and variance (docs/KPIS.md "Dashboard drill-downs"); the
// column sorts both ways. Runs on the demo world (any database with margin figures).
import { expect, test, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';

const visible = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

async function variances(page: Page): Promise<(number | null)[]> {
  const cells = visible(page, 'engagement-margin-variance');
  const values = await cells.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-variance') ?? ''));
  return values.map((v) => (v === '' ? null : Number(v)));
}

test('the margin figure opens the engagements furthest below plan, sortable both ways', async ({ page }) => {
  await signIn(page, demoUser('EXECUTIVE'), '/engagements?sort=marginVariance');
  await expect(visible(page, 'engagement-row').first()).toBeVisible();
  await expect(visible(page, 'margin-period')).toContainText('the margin KPI over');
  await expectAccessible(page, 'the engagements sorted by margin variance');
  const worstFirst = await variances(page);
  const known = worstFirst.filter((v): v is number => v !== null);
  expect(known.length).toBeGreaterThan(0);
  // Comparison only (the API's exact strings decide the order): ascending, the ones without a variance last.
  expect(known).toEqual([...known].sort((a, b) => a - b));
  expect(worstFirst.slice(0, known.length).every((v) => v !== null)).toBe(true);

  await page.getByTestId('sort-marginVariance').click();
  await expect(page).toHaveURL(/sort=-marginVariance/);
  await expect(visible(page, 'engagement-row').first()).toBeVisible();
  const bestFirst = (await variances(page)).filter((v): v is number => v !== null);
  expect(bestFirst).toEqual([...bestFirst].sort((a, b) => b - a));
  await expectAccessible(page, 'the engagements best margin first');

  // The dashboard's margin card leads here, with its period.
  await page.goto('/');
  const marginLink = page.locator('a[href^="/engagements?"][href*="sort=marginVariance"]').filter({ visible: true }).first();
  await expect(marginLink).toBeVisible();
  await marginLink.click();
  await expect(page).toHaveURL(/\/engagements\?.*sort=marginVariance.*marginFrom=\d{4}-\d{2}-\d{2}/);
  await expect(visible(page, 'engagement-row').first()).toBeVisible();
  await expectAccessible(page, 'the margin drill-down from the dashboard');
});
