// The executive reviews the KPIs and drills into them (issue 6): the dashboard at `/` with
// its cards and charts, filters that live in the URL, the CSV export of the view, the print
// layout, and numbers that lead to the rows behind them. Works on an empty database and on
// one full of other data: it sends one event of its own and never assumes counts.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { sendEvent, waitUntilProcessed } from '../ingest/connectors';
import { expectAccessible } from '../support/accessibility';

// Each journey opens several pages that compute every KPI twice (this and the previous period):
// on a busy 2-core machine that can take longer than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test.beforeAll(async ({ request }) => {
  // One processed event this month, so integration health has something of its own to count.
  const employeeId = `E-DASH-${randomUUID().slice(0, 8)}`;
  await sendEvent(request, 'hcm', { type: 'q2c.employee.updated.v1', subject: employeeId, sequence: 1, data: { employeeId, name: 'Dana Dashboard', costRate: '80.00', currency: 'USD', costCenter: 'US01-ADV' } });
  await waitUntilProcessed(request, employeeId, 1);
});

test('the executive reviews the KPIs, filters them in the URL, exports and prints them', async ({ page }) => {
  await signIn(page, demoUser('EXECUTIVE'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome, ');
  const business = page.getByTestId('kpi-business');
  await expect(business.getByTestId('kpi-card-dso')).toBeVisible();
  await expect(business.getByTestId('kpi-card-billedAndCollected')).toContainText('USD');
  await expect(page.getByTestId('kpi-technical').getByTestId('kpi-value-eventSuccessRate')).toHaveText(/%/);
  await expect(page.getByTestId('kpi-charts').getByTestId('chart-dso')).toBeVisible();
  await expect(page.getByTestId('chart-integration')).toBeVisible();
  await expectAccessible(page, 'the dashboard');

  // Filters: one legal entity, in euros, for this quarter — all in the URL.
  const filters = page.getByTestId('dashboard-filters');
  const quarter = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
  await filters.getByLabel('Period').selectOption(quarter);
  await filters.getByLabel('Legal entity').selectOption('US01');
  await filters.getByLabel('Currency').selectOption('EUR');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/legalEntity=US01/);
  const url = new URL(page.url());
  expect([url.searchParams.get('period'), url.searchParams.get('legalEntity'), url.searchParams.get('currency')]).toEqual([quarter, 'US01', 'EUR']);
  await expect(page.getByText(/US01 · EUR/)).toBeVisible();
  await expect(page.getByTestId('kpi-value-billedAndCollected').filter({ visible: true })).toContainText('EUR');
  await expectAccessible(page, 'the dashboard filtered to US01 in EUR');

  // The CSV export is the view: the same period, entity and currency.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^kpis_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}_US01_EUR\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, ...lines] = csv.trim().split('\r\n');
  expect(header).toMatch(/^key,label,value,unit,currency,previous_value,period_from,period_to/);
  const dso = lines.find((line) => line.startsWith('dso,'));
  expect(dso).toContain(',US01,');
  expect(lines.find((line) => line.startsWith('billedAndCollected,'))).toContain(',money,EUR,');

  // A custom period shows its dates only when chosen, and keeps them in the URL.
  await filters.getByLabel('Period').selectOption('custom');
  await filters.getByLabel('First day').fill('2026-01-01');
  await filters.getByLabel('Last day').fill('2026-03-31');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/period=custom&from=2026-01-01&through=2026-03-31/);
  await expect(page.getByText(/1 Jan 2026 – 31 Mar 2026/)).toBeVisible();

  // Print: no navigation, the cards stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeHidden();
  await expect(page.getByTestId('kpi-card-dso').filter({ visible: true })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('numbers lead to the rows behind them, with the filters', async ({ page }) => {
  await signIn(page, demoUser('EXECUTIVE'));
  await page.goto('/?legalEntity=US01');
  // Unbilled approved time → its time, by the KPI page, with the legal entity kept.
  await page.getByTestId('kpi-value-unbilledApprovedTime').filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/kpis\/unbilledApprovedTime\?legalEntity=US01/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unbilled approved time');
  await expect(page.getByTestId('kpi-rows-description')).toContainText('TimeTransaction where billable');
  await expect(page.getByTestId('kpi-time-rows').or(page.getByTestId('empty-state'))).toBeVisible();
  await expectAccessible(page, 'the unbilled approved time page');
  const [rows] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rows-csv').click()]);
  expect((await readFile((await rows.path())!, 'utf8')).split('\r\n')[0]).toBe('work_date,age_days,engagement,legal_entity,employee,role,hours,amount,currency,approval_status,time_transaction_id');

  // Back on the dashboard, DSO leads to the open receivables of the entity.
  await page.getByRole('main').getByRole('link', { name: '← Dashboard' }).click();
  await expect(page).toHaveURL(/\/\?legalEntity=US01$/);
  await page.getByTestId('kpi-value-dso').filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/invoices\?legalEntity=US01&kind=INVOICE&status=ISSUED%2CPOSTED%2CPARTIALLY_PAID$/);
  // The drill-down's filters show as chips, and the list holds only open invoices of US01.
  const chips = page.getByTestId('filter-chips');
  await expect(chips.getByTestId('filter-chip-label')).toHaveText(['Invoices', 'Issued, Posted to ERP, Partially paid', 'US01']);
  await expect(page.getByTestId('invoice-table').or(page.getByTestId('empty-state'))).toBeVisible();
  const statuses = await page.getByTestId('invoice-status').filter({ visible: true }).allTextContents();
  expect(statuses.every((s) => ['Issued', 'Posted to ERP', 'Partially paid'].includes(s))).toBe(true);
  await expectAccessible(page, 'the open receivables behind DSO');
  // One chip goes on its own; "Clear filters" clears the rest.
  await chips.getByRole('link', { name: 'Remove filter: US01' }).click();
  await expect(page).toHaveURL(/\/invoices\?kind=INVOICE&status=ISSUED%2CPOSTED%2CPARTIALLY_PAID$/);
  await expect(chips.getByTestId('filter-chip')).toHaveCount(2);
  await chips.getByTestId('clear-filters').click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(page.getByTestId('filter-chips')).toHaveCount(0);

  // Integration health: an executive may not open the connectors page, so the KPI page shows the parts.
  await page.goto('/?legalEntity=US01');
  await page.getByTestId('kpi-value-backlog').filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/kpis\/backlog/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backlog (inbox unprocessed)');
  await expectAccessible(page, 'the backlog page');
});

test('a view the URL cannot describe says so', async ({ page }) => {
  await signIn(page, demoUser('FINANCE'));
  await page.goto('/?period=someday');
  await expect(page.getByTestId('error-state')).toContainText('"someday" is not a period');
  await expectAccessible(page, 'the dashboard with a bad period');
  await page.goto('/?legalEntity=US01&region=EMEA');
  await expect(page.getByTestId('error-state').first()).toContainText('Legal entity US01 is in region AMER, not EMEA.');
});
