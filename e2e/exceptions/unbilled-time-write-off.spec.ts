// FINANCE decides an UNBILLED_APPROVED_TIME exception of the demo world (docs/EXCEPTIONS.md):
// the panel shows what approving writes off — entries, hours, the amount billing would have
// invoiced, by week, role and rate — before the decision; approving writes it off, the
// exception resolves, and the engagement page shows the time as written off. Nothing here
// creates data: the demo world's reconciliation leaves unbilled time to decide.
import { expect, test, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';

test.describe.configure({ timeout: 120_000 });

const visible = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

test('finance sees what a write-off takes off the books, approves it and finds the time written off', async ({ page }) => {
  await signIn(page, demoUser('FINANCE'), '/exceptions?code=UNBILLED_APPROVED_TIME');
  const first = visible(page, 'exception-link').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/exceptions\/[0-9a-f-]{36}$/);

  const preview = visible(page, 'write-off-preview');
  await expect(preview).toContainText('Approving writes off');
  await expect(preview).toContainText(/\d+ entr(y|ies) \([\d.]+ h\)/);
  await expect(visible(page, 'write-off-lines').locator('li').first()).toBeVisible();
  await expectAccessible(page, 'an unbilled-time exception with its write-off preview');
  const engagementCode = (await visible(page, 'exception-engagement').getByRole('link').first().innerText()).trim();

  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByLabel('Note (optional)').fill('The client will not pay for onboarding time.');
  const confirm = page.getByRole('button', { name: /^Approve: write off / });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'the write-off about to be confirmed');
  await confirm.click();
  // The page revalidates: resolved, nothing left to decide (the buttons and the preview go).
  await expect(visible(page, 'exception-status')).toHaveText('Resolved', { timeout: 20_000 });
  await expect(visible(page, 'write-off-preview')).toHaveCount(0);
  await expect(visible(page, 'no-triage')).toContainText('it is closed');
  await expectAccessible(page, 'the resolved unbilled-time exception');

  await visible(page, 'exception-engagement').getByRole('link', { name: engagementCode }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(engagementCode);
  const written = page.getByTestId('time-by-role').filter({ visible: true });
  await expect(written).toContainText('Written off');
  // At least one role shows written-off hours.
  await expect(written.locator('[data-testid="time-written-off"]:not([data-hours="0.00"])').first()).toBeVisible();
  await expectAccessible(page, 'the engagement with written-off time');
});
