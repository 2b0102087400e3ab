// The lineage explorer as finance uses it: find a thread by its engagement code, follow the
// graph from the quote to the invoice, explain the invoice down to hours × rate, and open
// the event behind a record from the timeline. Accessible in every state it opens.
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { createBilledThread, ENTRIES } from './q2c-thread';

test('finance traces an invoice back to the timesheet and its event', async ({ page, request }) => {
  test.setTimeout(120_000);
  const thread = await createBilledThread(request);

  await signIn(page, demoUser('FINANCE'), '/lineage');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lineage');
  await expect(page.getByTestId('empty-state').filter({ visible: true })).toContainText('Pick a thread to trace');
  await expectAccessible(page, 'the lineage search');

  await page.getByTestId('lineage-search').filter({ visible: true }).fill(thread.engagementCode);
  await page.getByRole('button', { name: 'Trace' }).click();
  await expect(page).toHaveURL(new RegExp(`correlation=${thread.correlationId}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(thread.engagementCode);
  const graph = page.getByTestId('lineage-graph').filter({ visible: true });
  await expect(graph).toContainText('Quote');
  await expect(graph).toContainText('Invoices');

  // The ten time entries are one group until it is opened.
  const group = graph.getByTestId('lineage-group').filter({ hasText: `${ENTRIES} time entries` });
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(graph.getByTestId('lineage-node').filter({ hasText: '0.75 h MANAGER' })).toHaveCount(0);
  await group.click();
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await expect(graph.getByTestId('lineage-node').filter({ hasText: '0.75 h MANAGER' })).toHaveCount(ENTRIES);

  const invoiceNode = graph.getByTestId('lineage-node').filter({ hasText: `Invoice ${thread.invoiceNumber}` });
  await invoiceNode.click();
  await expect(page).toHaveURL(/node=/);
  const details = page.getByTestId('node-details').filter({ visible: true });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(`Invoice ${thread.invoiceNumber}`);
  await details.getByRole('button', { name: 'Explain this amount' }).click();
  const explanation = details.getByTestId('explanation');
  // Down to each entry: 0.75 h at the rate that applied on its day (the work predates the
  // quote's acceptance, so the standard rate card's), with the rate card named.
  await expect(explanation).toContainText(`Invoice ${thread.invoiceNumber} is`);
  await expect(explanation).toContainText(`from ${ENTRIES} time entries`);
  await expect(explanation).toContainText(/0\.75 h × \d+\.\d{2} \(rate card STD-USD\)/);
  await expect(explanation).toContainText(`Timesheet ${thread.timesheetId}`);
  await expectAccessible(page, 'the lineage graph with an explained invoice');

  // Keyboard: from the selected invoice, arrow keys move between boxes.
  await invoiceNode.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(graph.locator(':focus')).toHaveCount(1);

  // The revenue recognised for the same time, explained down to the entry.
  const revenue = page.getByTestId('thread-revenue').filter({ visible: true });
  await revenue.locator('summary').first().click();
  const entry = revenue.getByTestId('revenue-entry').first();
  await entry.getByRole('button', { name: 'Explain this amount' }).click();
  await expect(entry.getByTestId('explanation')).toContainText('recognised as delivered (time and materials)');
  await expect(entry.getByTestId('explanation')).toContainText('0.75 h MANAGER');

  await page.getByRole('link', { name: 'Timeline' }).click();
  await expect(page).toHaveURL(/view=timeline/);
  const rows = page.getByTestId('timeline-row').filter({ visible: true });
  await expect(rows.first()).toBeVisible();
  await expectAccessible(page, 'the lineage timeline');
  const timesheetRow = rows.filter({ hasText: 'q2c.timesheet.approved.v1' }).first();
  await timesheetRow.getByRole('link', { name: 'q2c.timesheet.approved.v1' }).click();
  await expect(page).toHaveURL(/\/events\//);
  await expect(page.getByTestId('event-payload').filter({ visible: true })).toContainText(thread.timesheetId);

  // An engagement page can link straight to its thread by id or code.
  await page.goto(`/lineage?engagement=${thread.engagementId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(thread.engagementCode);
  await expect(page.getByTestId('lineage-graph').filter({ visible: true })).toBeVisible();
});

test('an unknown thread and a search without matches say so', async ({ page }) => {
  await signIn(page, demoUser('DELIVERY'), '/lineage?correlation=no-such-thread-e2e');
  await expect(page.getByTestId('empty-state').filter({ visible: true })).toContainText('Nothing to trace for this id');
  await expectAccessible(page, 'an unknown thread');
  await page.goto('/lineage?q=no-such-engagement-e2e-zzz');
  await expect(page.getByTestId('empty-state').filter({ visible: true })).toContainText('Nothing matches');
});

test('the executive has no lineage access', async ({ page }) => {
  await signIn(page, demoUser('EXECUTIVE'), '/lineage');
  await expect(page.getByTestId('access-denied').filter({ visible: true })).toBeVisible();
});
