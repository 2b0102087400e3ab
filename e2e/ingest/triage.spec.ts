// From a bad event to a resolved exception, as integration ops does it in the browser:
// the CRM sends an employee update (the HCM owns employees), the worker raises
// OWNERSHIP_VIOLATION, the queue shows it, it is resolved with a note, and the Inbox
// and the connectors page show the event's life.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { sendEvent, waitUntilProcessed } from './connectors';

test('an ownership violation is triaged from the queue and its event is visible in the Inbox', async ({ page, request }) => {
  const employeeId = `E-CRM-${randomUUID().slice(0, 8)}`;
  // The CRM does not own employees (the HCM does).
  await sendEvent(request, 'crm', { type: 'q2c.employee.updated.v1', subject: employeeId, data: { employeeId, name: 'Eve Sales', costRate: '95.00', currency: 'USD', costCenter: 'US01-ADV' } });
  const [event] = await waitUntilProcessed(request, employeeId, 1);
  expect(event!.exceptionIds).toHaveLength(1);

  await signIn(page, demoUser('INTEGRATION_OPS'));
  await page.getByTestId('nav-exceptions').click();
  await page.getByLabel('Code').selectOption('OWNERSHIP_VIOLATION');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/code=OWNERSHIP_VIOLATION/);
  // Hidden copies of streamed rows can sit in the DOM while a filtered page swaps in (see the
  // Inbox check below): only visible rows count.
  const row = page.getByTestId('exception-row').filter({ visible: true, hasText: employeeId });
  await expect(row).toContainText('Data stewardship');
  await expect(row.getByTestId('exception-status')).toHaveText('Open');
  await row.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(employeeId);
  await expect(page.getByTestId('exception-status')).toHaveText('Open');
  await expect(page.getByTestId('linked-events')).toContainText('PROCESSED');
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await page.getByLabel('Resolution note').fill('Employees are mastered in the HCM; asked sales ops to stop sending them.');
  await page.getByRole('button', { name: 'Resolve exception' }).click();
  await expect(page.getByTestId('exception-status')).toHaveText('Resolved');
  await expect(page.getByTestId('action-history')).toContainText('asked sales ops to stop sending them');
  await expect(page.getByTestId('exception-summary')).toContainText('Employees are mastered in the HCM');

  await page.getByTestId('nav-events').click();
  await page.getByLabel('Subject').fill(employeeId);
  await page.getByRole('button', { name: 'Apply' }).click();
  const inboxRow = page.getByTestId('inbox-row').filter({ visible: true });
  await expect(inboxRow).toHaveCount(1);
  await expect(inboxRow.getByTestId('event-status')).toHaveText('PROCESSED');
  await expect(inboxRow).toContainText('crm');
  await inboxRow.getByRole('link').click();
  await expect(page.getByTestId('event-timings')).toContainText('Attempts');
  await expect(page.getByTestId('event-payload')).toContainText(`"employeeId": "${employeeId}"`);
  await expect(page.getByTestId('event-exceptions')).toContainText('Resolved');

  await page.getByTestId('nav-connectors').click();
  const crmRow = page.getByTestId('connector-row').filter({ hasText: '/demo/crm' });
  await expect(crmRow).toContainText('CRM');
  await expect(page.getByTestId('connector-row')).toHaveCount(7);
});

test('finance may read the queue and the Inbox but sees no triage buttons', async ({ page }) => {
  await signIn(page, demoUser('FINANCE'));
  await page.goto('/exceptions?status=any');
  const first = page.getByTestId('exception-row').first();
  await first.getByRole('link').click();
  await expect(page.getByTestId('exception-summary')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resolve', exact: true })).toHaveCount(0);
  await page.goto('/events');
  // While the page streams in, React keeps streamed content in a hidden container before
  // it swaps it in, so a hidden copy of the table can be in the DOM: count the visible ones
  // (a table shown twice still fails).
  const visibleTables = page.getByTestId('inbox-table').filter({ visible: true });
  await expect(visibleTables).toHaveCount(1);
  await expect(visibleTables).toBeVisible();
  await page.goto('/connectors');
  await expect(page.getByTestId('access-denied')).toBeVisible();
});
