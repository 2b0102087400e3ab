// The admin area as an admin uses it, section by section (each a URL): change a role and
// change it back, revoke someone's API token (it stops working), set and remove an
// ownership rule, map a system's SKU and deactivate it, and close or reopen a month.
// Every change is undone or made on fresh names, so other specs are not disturbed.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';

// Each test saves and removes several settings, each a server round trip and a re-render of
// the section, plus axe runs: on a busy 2-core machine that is more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, demoUser('ADMIN'), '/admin');
});

test('people: the admin changes a role and changes it back', async ({ page }) => {
  await expect(page.getByTestId('users-table')).toContainText(demoUser('EXECUTIVE').email);
  await expectAccessible(page, 'admin people');
  const row = page.getByTestId('user-row').filter({ hasText: demoUser('DELIVERY').email });
  for (const [option, role] of [['Executive', 'EXECUTIVE'], ['Delivery', 'DELIVERY']] as const) {
    await row.getByTestId('role-select').selectOption({ label: option });
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('user-role')).toHaveAttribute('data-role', role);
  }
});

test('tokens: the admin revokes another person’s token and it stops working', async ({ page, request, browser }) => {
  // Finance makes the token in the console (an API token cannot mint tokens).
  const name = `e2e revoke ${randomUUID().slice(0, 8)}`;
  const finance = await browser.newContext();
  const financePage = await finance.newPage();
  await signIn(financePage, demoUser('FINANCE'), '/settings/tokens');
  await financePage.getByLabel('Token name').fill(name);
  await financePage.getByRole('button', { name: /create/i }).click();
  await expect(financePage.getByTestId('new-token-value')).not.toBeEmpty();
  const token = (await financePage.getByTestId('new-token-value').textContent())!.trim();
  await finance.close();
  expect((await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

  await page.getByTestId('admin-tab-tokens').click();
  await expect(page).toHaveURL(/section=tokens/);
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toContainText(demoUser('FINANCE').email);
  await expectAccessible(page, 'admin tokens');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByTestId('token-status')).toHaveText('revoked');
  expect((await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test('ownership and mappings: set a rule and a SKU mapping, then remove them; set a future rate', async ({ page }) => {
  await page.goto('/admin?section=ownership');
  const form = page.getByTestId('ownership-rule-form');
  await form.getByLabel('Entity').selectOption('MilestoneEvidence');
  await form.getByLabel('Field (or *)').fill('uri');
  await form.getByLabel('Owning system').selectOption('PSA');
  await form.getByLabel('Note').fill('e2e: evidence links come from the PSA');
  await form.getByRole('button', { name: 'Save rule' }).click();
  const rule = page.getByTestId('ownership-row').filter({ hasText: 'e2e: evidence links come from the PSA' });
  await expect(rule).toContainText('PSA');
  await expectAccessible(page, 'admin ownership rules');
  await rule.getByRole('button', { name: 'Remove' }).click();
  await expect(rule).toHaveCount(0);

  await form.getByLabel('Field (or *)').fill('noSuchField');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByRole('alert')).toBeVisible();

  const externalSku = `E2E-SKU-${randomUUID().slice(0, 8)}`;
  await page.getByTestId('admin-tab-mappings').click();
  const mapping = page.getByTestId('sku-mapping-form');
  await mapping.getByLabel('System').selectOption('crm');
  await mapping.getByLabel('Its SKU').fill(externalSku);
  await mapping.getByLabel('Catalog SKU').selectOption('ADV-ANALYST');
  await mapping.getByRole('button', { name: 'Save mapping' }).click();
  const row = page.getByTestId('sku-mapping-row').filter({ hasText: externalSku });
  await expect(row).toContainText('ADV-ANALYST');
  // A far-future rate on a standard card: versioned from its date, nothing priced today moves.
  const gbp = page.getByTestId('rate-card').filter({ hasText: 'STD-GBP' });
  const rateForm = gbp.getByTestId('rate-form');
  await rateForm.getByLabel('Role').selectOption('ANALYST');
  await rateForm.getByLabel('Rate / h').fill('199.50');
  await rateForm.getByLabel('From').fill('2099-01-01');
  await rateForm.getByRole('button', { name: 'Set rate' }).click();
  await expect(gbp.getByRole('row').filter({ hasText: '2099-01-01' })).toContainText('199.50');
  await expectAccessible(page, 'admin mappings');
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('inactive');
});

test('periods: a month is closed and reopened with a reason (or the other way round)', async ({ page }) => {
  // Months close in order and only the latest closed one reopens. On an empty installation
  // January 2025 is the first open month; on the demo world the books are closed up to two
  // months ago, so the latest closed month is the one to reopen and close again.
  let year = 2026;
  await page.goto(`/admin?section=periods&entity=IN01&year=${year}`);
  await page.getByTestId('period-row').filter({ visible: true }).first().waitFor();
  let statuses = await page.getByTestId('period-row').filter({ visible: true }).getByTestId('period-status').allTextContents();
  if (!statuses.includes('Closed')) {
    year = 2025;
    await page.goto(`/admin?section=periods&entity=IN01&year=${year}`);
    await page.getByTestId('period-row').filter({ visible: true }).first().waitFor();
    statuses = await page.getByTestId('period-row').filter({ visible: true }).getByTestId('period-status').allTextContents();
  }
  const index = statuses.includes('Closed') && statuses[0] !== 'Open' ? statuses.lastIndexOf('Closed') : 0;
  const month = page.getByTestId('period-row').filter({ visible: true }).nth(index);
  const period = await month.getAttribute('data-period');
  expect(period).toMatch(new RegExp(`^${year}-\\d{2}$`));
  await expectAccessible(page, 'admin periods');
  const status = month.getByTestId('period-status');
  const reopen = async () => {
    await month.getByRole('button', { name: 'Reopen' }).click();
    await month.getByPlaceholder(`Why reopen ${period}?`).fill('e2e: a late adjustment');
    await month.getByRole('button', { name: 'Reopen' }).click();
    await expect(status).toHaveText('Open');
  };
  const close = async () => {
    await month.getByRole('button', { name: 'Close' }).click();
    await expect(status).toHaveText('Closed');
  };
  if ((await status.textContent()) === 'Open') {
    await close();
    await reopen();
  } else {
    await reopen();
    await close();
  }
});
