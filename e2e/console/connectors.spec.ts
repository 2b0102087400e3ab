// Connector health as integration ops and an admin see it: the list links each system to
// its page with health figures, the events it sent and the commands it was sent; only the
// admin can rotate credentials, and a new secret is shown once. Rotations keep a 24-hour
// overlap, so other specs' credentials keep working.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { sendEvent, waitUntilProcessed } from '../ingest/connectors';
import { expectAccessible } from '../support/accessibility';

test('integration ops follows a system from the list to its events, without rotation controls', async ({ page, request }) => {
  const employeeId = `E-CONN-${randomUUID().slice(0, 8)}`;
  await sendEvent(request, 'hcm', { type: 'q2c.employee.updated.v1', subject: employeeId, data: { employeeId, name: 'Conn Ector', costRate: '90', currency: 'USD', costCenter: 'US01-ADV' } });
  await waitUntilProcessed(request, employeeId, 1);

  await signIn(page, demoUser('INTEGRATION_OPS'), '/connectors');
  const table = page.getByTestId('connectors-table');
  await expect(table.getByRole('columnheader', { name: 'Success (24 h)' })).toBeVisible();
  await expectAccessible(page, 'the connectors list');
  await table.getByRole('link', { name: 'hcm', exact: true }).click();

  await expect(page).toHaveURL(/\/connectors\/hcm$/);
  await expect(page.getByTestId('figure-success')).not.toContainText('—');
  await expect(page.getByTestId('figure-last-event')).not.toContainText('Never');
  await expect(page.getByTestId('inbox-row').filter({ visible: true, hasText: employeeId })).toHaveCount(1);
  await expect(page.getByTestId('token-prefix')).toContainText('…');
  await expect(page.getByRole('button', { name: 'Rotate token' })).toHaveCount(0);
  await expectAccessible(page, 'a connector page');

  await page.goto('/connectors/psa');
  // The quotes other specs accept send create-project commands to the PSA; on an empty
  // database the list is empty instead. Either way the section says which.
  await expect(page.getByTestId('commands-table').or(page.getByText('No commands sent')).filter({ visible: true }).first()).toBeVisible();
});

test('the connectors list refreshes itself while it stays open, without reloading the page', async ({ page, request }) => {
  // Timers under the test's control: the 30-second refresh is fast-forwarded, not waited for.
  await page.clock.install();
  await signIn(page, demoUser('INTEGRATION_OPS'), '/connectors');
  const hcmToday = page.getByTestId('connector-row').filter({ visible: true, has: page.getByRole('link', { name: 'hcm', exact: true }) }).getByTestId('received-today');
  const count = async () => Number((await hcmToday.innerText()).replace(/\D/g, ''));
  const before = await count();
  await expect(page.getByTestId('connector-health-updated')).toContainText('refreshed every 30 s');
  let documents = 0;
  page.on('request', (r) => void (r.resourceType() === 'document' && documents++));

  const employeeId = `E-LIVE-${randomUUID().slice(0, 8)}`;
  await sendEvent(request, 'hcm', { type: 'q2c.employee.updated.v1', subject: employeeId, data: { employeeId, name: 'Live Ly', costRate: '90', currency: 'USD', costCenter: 'US01-ADV' } });
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/connector-health') && r.status() === 200);
  await page.clock.fastForward('00:31');
  await refreshed;
  await expect.poll(count).toBeGreaterThan(before);
  expect(documents).toBe(0);
  await expectAccessible(page, 'the connectors list after a refresh');
});

test('the admin rotates a signing secret and sees it once', async ({ page }) => {
  await signIn(page, demoUser('ADMIN'), '/connectors/tax');
  const secretsBefore = await page.getByTestId('secrets').locator('li').count();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Rotate signing secret' }).click();
  const rotated = page.getByTestId('rotated-credential');
  await expect(rotated).toContainText('shown only this once');
  await expect(rotated).toContainText('The previous one works until');
  await expect(page.getByTestId('rotated-value')).not.toBeEmpty();
  await expectAccessible(page, 'a connector page with a new secret');
  await expect(page.getByTestId('secrets').locator('li')).toHaveCount(secretsBefore + 1);
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await expect(rotated).toHaveCount(0);
});

test('an unknown connector is a 404', async ({ page }) => {
  await signIn(page, demoUser('INTEGRATION_OPS'));
  const response = await page.goto('/connectors/no-such-connector');
  expect(response?.status()).toBe(404);
});

test('the executive has no connector access', async ({ page }) => {
  await signIn(page, demoUser('EXECUTIVE'), '/connectors/hcm');
  await expect(page.getByTestId('access-denied')).toBeVisible();
});
