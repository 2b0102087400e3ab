// One journey per role on the demo world `npm start` loaded (issue 6; docs/DEMO.md lists
// the faults it plants): nothing here creates data, each person works what the firm's year
// left them. The executive reviews the KPIs and drills into DSO; integration ops maps the
// CPQ's unknown SKU and replays the quote until its engagement activates; finance approves
// a short payer's deduction and sees the invoice balance change; delivery attaches the
// sign-off a completed milestone lacked and sees it become billable.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';

test.describe.configure({ timeout: 120_000 });

const visible = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

/** "1,234.50" / "-12.00" as the console shows money → a number of minor units, for comparisons only. */
const minorUnits = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, '')) * 100);

test('the executive reviews the KPIs and drills into DSO', async ({ page }) => {
  await signIn(page, demoUser('EXECUTIVE'));
  const dso = visible(page, 'kpi-value-dso');
  await expect(dso).toHaveText(/\d/);
  await expect(visible(page, 'kpi-value-billedAndCollected')).toHaveText(/[1-9]/);
  await expect(visible(page, 'chart-dso')).toBeVisible();
  await expect(page.getByRole('button', { name: /approve|assign|replay|resolve/i })).toHaveCount(0);
  await expectAccessible(page, 'the dashboard on the demo world');

  await dso.click();
  await expect(page).toHaveURL(/\/invoices\?.*status=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invoices');
  const rows = visible(page, 'invoice-row');
  await expect(rows.first()).toBeVisible();
  // DSO counts open receivables: every invoice behind it still has money due.
  for (const status of await rows.getByTestId('invoice-status').allTextContents()) expect(['Issued', 'Posted to ERP', 'Partially paid']).toContain(status.trim());
  await expectAccessible(page, 'the invoices behind DSO');
});

test('integration ops maps the unknown SKU, replays the quote and sees the engagement activate', async ({ page }) => {
  await signIn(page, demoUser('INTEGRATION_OPS'), '/exceptions?code=UNMAPPED_SERVICE_SKU');
  const row = visible(page, 'exception-row').first();
  await expect(row).toBeVisible();
  await row.getByTestId('preview-exception').click();
  const panel = visible(page, 'exception-panel');
  await expect(panel.getByTestId('exception-payloads')).toContainText('ADV-GENAI-LAB');
  await panel.getByLabel('Catalog item for ADV-GENAI-LAB').selectOption('ADV-SENIOR');
  await panel.getByRole('button', { name: 'Save and replay' }).click();
  await expect(panel.getByTestId('inline-fix-message')).toContainText('Fix saved.');

  await expect(async () => {
    await page.reload();
    const current = visible(page, 'exception-panel');
    await expect(current.getByTestId('panel-status')).toHaveText('Resolved', { timeout: 1_000 });
    await expect(current.getByTestId('engagement-status')).toHaveText('Active', { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
  await expectAccessible(page, 'the resolved exception beside the queue');
});

test('finance approves a short-pay deduction and sees the invoice balance change', async ({ page }) => {
  await signIn(page, demoUser('FINANCE'), '/cash?view=decisions');
  const decision = visible(page, 'decision-row').filter({ hasText: 'Short-pay deduction' }).first();
  await expect(decision).toBeVisible();
  const invoiceNumber = await decision.getAttribute('data-invoice');
  expect(invoiceNumber).toBeTruthy();
  const invoiceHref = await decision.getByRole('link', { name: invoiceNumber!, exact: true }).getAttribute('href');
  expect(invoiceHref).toMatch(/^\/invoices\//);
  const balanceBefore = minorUnits(await decision.getByTestId('decision-invoice-balance').innerText());
  expect(balanceBefore).toBeGreaterThan(0);
  await expectAccessible(page, 'the decisions awaiting finance');

  // Pin the row by its invoice: once decided it leaves the list (the page revalidates).
  const thisDecision = visible(page, 'decision-row').and(page.locator(`[data-invoice="${invoiceNumber}"]`)).filter({ hasText: 'Short-pay deduction' });
  await thisDecision.getByRole('button', { name: /^Approve/ }).click();
  await expect(thisDecision).toHaveCount(0, { timeout: 20_000 });

  await page.goto(invoiceHref!);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(invoiceNumber!);
  const balanceAfter = minorUnits(await visible(page, 'invoice-balance-due').innerText());
  expect(balanceAfter).toBeLessThan(balanceBefore);
  await expect(visible(page, 'invoice-cash')).toContainText(/Deduction approved/i);
  await expectAccessible(page, 'the invoice after the approved deduction');
});

test('delivery attaches the missing sign-off and sees the milestone become billable', async ({ page }) => {
  await signIn(page, demoUser('DELIVERY'), '/exceptions?code=MILESTONE_MISSING_EVIDENCE');
  const row = visible(page, 'exception-row').first();
  await expect(row).toBeVisible();
  await row.getByTestId('preview-exception').click();
  const engagementLink = visible(page, 'exception-panel').getByTestId('exception-engagement').getByRole('link').first();
  await engagementLink.click();
  await expect(page).toHaveURL(/\/engagements\//);

  const milestone = visible(page, 'milestone-row').filter({ has: page.getByTestId('milestone-status').filter({ hasText: 'Completed, not billable' }) }).first();
  await expect(milestone).toBeVisible();
  const ref = await milestone.getAttribute('data-ref');
  await milestone.getByTestId(`attach-evidence-${ref}`).click();
  await milestone.getByLabel('Document address').fill('https://dms.example.com/demo/steering-committee-signoff.pdf');
  await milestone.getByLabel('SHA-256 of the document').fill(createHash('sha256').update(`signoff ${ref}`).digest('hex'));
  await milestone.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(visible(page, 'evidence-message')).toHaveText('Evidence attached: the milestone is billable.');
  await expect(visible(page, 'milestone-row').and(page.locator(`[data-ref="${ref}"]`)).getByTestId('milestone-status')).toHaveText('Billable');
  await expectAccessible(page, 'the engagement after the evidence');
});
