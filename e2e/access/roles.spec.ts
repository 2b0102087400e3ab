// What each role sees: the navigation, the landing page and the pages it may not open.
import { expect, test } from '@playwright/test';
import { demoUser, signIn, type DemoUser } from './demo-users';

const navigation: Record<DemoUser['role'], string[]> = {
  ADMIN: ['Dashboard', 'Exceptions', 'Inbox', 'Lineage', 'Engagements', 'Invoices', 'Cash', 'Connectors', 'Admin'],
  FINANCE: ['Dashboard', 'Exceptions', 'Inbox', 'Lineage', 'Engagements', 'Invoices', 'Cash'],
  DELIVERY: ['Dashboard', 'Exceptions', 'Inbox', 'Lineage', 'Engagements', 'Invoices', 'Cash'],
  INTEGRATION_OPS: ['Dashboard', 'Exceptions', 'Inbox', 'Lineage', 'Engagements', 'Invoices', 'Cash', 'Connectors'],
  EXECUTIVE: ['Dashboard', 'Engagements', 'Invoices', 'Cash'],
};

const roleLabel: Record<DemoUser['role'], string> = {
  ADMIN: 'Admin', FINANCE: 'Finance', DELIVERY: 'Delivery', INTEGRATION_OPS: 'Integration ops', EXECUTIVE: 'Executive',
};

for (const role of Object.keys(navigation) as DemoUser['role'][]) {
  test(`${role} sees its areas and its role`, async ({ page }) => {
    await signIn(page, demoUser(role));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome, ');
    await expect(page.getByTestId('user-menu').getByTestId('user-role')).toHaveText(roleLabel[role]);
    await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link')).toHaveText(navigation[role]);
  });
}

test('a page outside the role says so instead of showing it', async ({ page }) => {
  await signIn(page, demoUser('EXECUTIVE'));
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  await page.goto('/exceptions');
  await expect(page.getByTestId('access-denied')).toBeVisible();
});

test('ADMIN sees the people who can sign in', async ({ page }) => {
  await signIn(page, demoUser('ADMIN'));
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('users-table')).toContainText(demoUser('EXECUTIVE').email);
});
