// The exception queue as integration ops works it (issue 6): a quote held on an unknown
// SKU is fixed inline beside the queue (pick the catalog item), replayed in the same click,
// and its engagement activates; the keyboard moves, selects, opens and shows its help
// without firing while someone types; several exceptions are assigned at once. Every
// state opened is checked with axe. Works on an empty database and on one full of data:
// rows are found by this test's own quote ids.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { sendHeldQuote } from '../support/held-quote';

/** A T&M quote accepted in the CRM with one line under a SKU the catalog does not know. */
async function heldQuote(request: APIRequestContext): Promise<{ quoteId: string; sku: string; exceptionId: string }> {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const quoteId = `Q-E2E-${suffix}`;
  const sku = `SF-ADVISORY-${suffix}`;
  const { exceptionId } = await sendHeldQuote(request, quoteId, {
    client: { externalId: `E2E-CLIENT-${suffix}`, name: `Triage Client ${suffix}`, legalEntityCode: 'US01' },
    currency: 'USD',
    billingModel: 'TIME_AND_MATERIALS',
    lines: [{ sku, description: 'Advisory consultant (CRM product code)', quantity: '40', unitPrice: '0', role: 'CONSULTANT' }],
    rateCardCode: 'STD-USD',
    estimatedCost: '6000',
    taxProfile: { nexus: 'US-NY', exempt: false },
  });
  return { quoteId, sku, exceptionId };
}

const queueRow = (page: Page, text: string) => page.getByTestId('exception-row').filter({ visible: true, hasText: text });

test('an unmapped SKU is fixed inline beside the queue, replayed, and the engagement activates', async ({ page, request }) => {
  const { quoteId, sku, exceptionId } = await heldQuote(request);
  await signIn(page, demoUser('INTEGRATION_OPS'), '/exceptions?code=UNMAPPED_SERVICE_SKU&connector=crm');
  const row = queueRow(page, quoteId);
  await expect(row).toContainText('Sales ops');
  await expectAccessible(page, 'the queue filtered by code and connector');

  await row.getByTestId('preview-exception').click();
  await expect(page).toHaveURL(new RegExp(`selected=${exceptionId}`));
  const panel = page.getByTestId('exception-panel').filter({ visible: true });
  await expect(panel.getByRole('heading', { level: 2 }).first()).toContainText(quoteId);
  await expect(panel.getByTestId('exception-payloads')).toContainText(`"sku": "${sku}"`);
  await expect(panel.getByTestId('exception-engagement')).toHaveCount(0);
  await expectAccessible(page, 'the queue with the side panel');

  await panel.getByLabel(`Catalog item for ${sku}`).selectOption('ADV-CONSULTANT');
  await panel.getByRole('button', { name: 'Save and replay' }).click();
  await expect(panel.getByTestId('inline-fix-message')).toHaveText('Fix saved. 1 held event(s) went back to the inbox.');

  // The worker applies the quote (engagement shell, commands to the ERP and PSA); the PSA
  // simulator creates the project and its event activates the engagement.
  await expect(async () => {
    await page.reload();
    const current = page.getByTestId('exception-panel').filter({ visible: true });
    await expect(current.getByTestId('panel-status')).toHaveText('Resolved', { timeout: 1_000 });
    await expect(current.getByTestId('engagement-status')).toHaveText('Active', { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
  await expectAccessible(page, 'the panel of a resolved exception');

  await page.getByTestId('exception-panel').filter({ visible: true }).getByTestId('open-full-page').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(quoteId);
  await expect(page.getByTestId('exception-status')).toHaveText('Resolved');
  await expect(page.getByTestId('audit-trail')).toContainText('exception.mapping-fixed');
  await expect(page.getByTestId('audit-trail')).toContainText('exception.replayed');
  await expect(page.getByTestId('action-history')).toContainText('Fix mapping');
  await expect(page.getByTestId('exception-engagement')).toContainText('Active');
  await expectAccessible(page, 'the exception page after the fix');
});

test('keyboard triage and bulk assign', async ({ page, request }) => {
  const first = await heldQuote(request);
  const second = await heldQuote(request);
  await signIn(page, demoUser('INTEGRATION_OPS'), '/exceptions?code=UNMAPPED_SERVICE_SKU&assignee=none&sort=-firstSeenAt');
  await expect(queueRow(page, first.quoteId)).toBeVisible();

  const help = page.getByTestId('shortcuts-dialog');
  // The queue's key listener hydrates with its own Suspense boundary, possibly after the rows show.
  await expect(async () => {
    await page.keyboard.press('?');
    await expect(help).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(help).toContainText('Assign the selected exceptions');
  await expectAccessible(page, 'the keyboard shortcuts dialog');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // j moves to the first row (the newest: the second quote), x selects it, o opens it beside the queue.
  await page.keyboard.press('j');
  const focusedRowId = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-exception-id') ?? null);
  await expect.poll(focusedRowId).not.toBeNull();
  const firstRowId = await focusedRowId();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect.poll(focusedRowId).toBe(firstRowId);
  await page.keyboard.press('x');
  await expect(page.getByTestId('selected-count').filter({ visible: true })).toHaveText('1 selected');
  await page.keyboard.press('x');
  await expect(page.getByTestId('selected-count').filter({ visible: true })).toHaveText('0 selected');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(new RegExp(`selected=${firstRowId}`));
  const panel = page.getByTestId('exception-panel').filter({ visible: true });
  await expect(panel).toBeVisible();

  // Typing in a field is not a shortcut.
  await panel.getByRole('button', { name: 'Resolve', exact: true }).click();
  await panel.getByLabel('Resolution note').fill('jxa?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();
  await expect(page.getByTestId('selected-count').filter({ visible: true })).toHaveText('0 selected');
  await expect(panel.getByLabel('Resolution note')).toHaveValue('jxa?');
  await panel.getByRole('button', { name: 'Cancel' }).click();

  // Bulk assign this test's two exceptions.
  for (const quote of [first, second]) await queueRow(page, quote.quoteId).getByTestId('select-exception').check();
  await expect(page.getByTestId('selected-count').filter({ visible: true })).toHaveText('2 selected');
  await page.getByTestId('bulk-assign').filter({ visible: true }).click();
  await expect(page.getByTestId('queue-message').filter({ visible: true })).toHaveText('Assigned 2 to you.');
  await page.goto('/exceptions?code=UNMAPPED_SERVICE_SKU&assignee=me');
  for (const quote of [first, second]) await expect(queueRow(page, quote.quoteId).getByTestId('exception-status')).toHaveText('Assigned');
  await expectAccessible(page, 'the queue of exceptions assigned to me');
});

test('finance reads the queue without triage tools', async ({ page, request }) => {
  const { quoteId } = await heldQuote(request);
  await signIn(page, demoUser('FINANCE'), '/exceptions?code=UNMAPPED_SERVICE_SKU');
  await queueRow(page, quoteId).getByTestId('preview-exception').click();
  const panel = page.getByTestId('exception-panel').filter({ visible: true });
  await expect(panel.getByTestId('no-triage')).toBeVisible();
  await expect(panel.getByTestId('inline-fix')).toHaveCount(0);
  await expect(page.getByTestId('bulk-assign')).toHaveCount(0);
  await expectAccessible(page, 'the queue for finance');
});
