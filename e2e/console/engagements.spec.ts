// The engagements pages as people use them: the list with its URL filters and the
// engagement page, where DELIVERY attaches evidence to a completed milestone and sees it
// become billable (issue 6 journey); EXECUTIVE sees no action. Works on any database.
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { acceptFixedFeeQuote, completeMilestone } from './money-world';

test('delivery attaches milestone evidence and sees the milestone become billable', async ({ page, request }) => {
  const engagement = await acceptFixedFeeQuote(request);
  await completeMilestone(request, engagement, 'M1');

  await signIn(page, demoUser('DELIVERY'), '/engagements');
  await expectAccessible(page, 'the engagements list');
  await page.getByLabel('Search').fill(engagement.code);
  await page.getByLabel('Billing model').selectOption('FIXED_FEE_MILESTONE');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/q=.*model=FIXED_FEE_MILESTONE/);
  const row = page.getByTestId('engagement-row').filter({ visible: true });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(engagement.clientName);
  await expect(row).toContainText('20,000.00'); // value: the two milestones
  await expectAccessible(page, 'the filtered engagements list');
  await row.getByRole('link', { name: engagement.code }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(engagement.code);
  const m1 = page.getByTestId('milestone-row').filter({ visible: true }).and(page.locator('[data-ref="M1"]'));
  await expect(m1.getByTestId('milestone-status')).toHaveText('Completed, not billable');
  await expect(page.getByTestId('stat-unbilled')).toContainText('0.00');
  await expectAccessible(page, 'the engagement page');

  await m1.getByTestId('attach-evidence-M1').click();
  await m1.getByLabel('Document address').fill('https://dms.example.com/e2e/design-signoff.pdf');
  await m1.getByLabel('SHA-256 of the document').fill('not-a-hash');
  await expectAccessible(page, 'the attach-evidence form');
  await m1.getByLabel('SHA-256 of the document').fill(createHash('sha256').update(engagement.code).digest('hex'));
  await m1.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(page.getByTestId('evidence-message')).toHaveText('Evidence attached: the milestone is billable.');
  await expect(m1.getByTestId('milestone-status')).toHaveText('Billable');
  await expect(m1).toContainText('design-signoff.pdf');
  await expect(page.getByTestId('stat-unbilled')).toContainText('12,345.67');
  // M2 was never completed: there is nothing to attach evidence to yet.
  await expect(page.getByTestId('attach-evidence-M2')).toHaveCount(0);
});

test('an executive reads engagements without action buttons; a bad address is a readable error', async ({ page, request }) => {
  const engagement = await acceptFixedFeeQuote(request);
  await completeMilestone(request, engagement, 'M1');
  await signIn(page, demoUser('EXECUTIVE'), `/engagements/${engagement.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(engagement.code);
  await expect(page.getByTestId('attach-evidence-M1')).toHaveCount(0);
  await expectAccessible(page, 'the engagement page for an executive');

  await page.goto('/engagements?sort=sideways');
  await expect(page.getByTestId('error-state')).toContainText('not valid for: sort');
  await page.goto('/engagements?q=no-engagement-is-called-this');
  await expect(page.getByTestId('empty-state').filter({ visible: true })).toContainText('No engagement matches these filters');
  await expectAccessible(page, 'the empty engagements list');
});
