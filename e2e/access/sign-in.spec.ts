// Signing in and out, as a person does it in the browser.
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from './demo-users';

test('a signed-out visitor is sent to sign in and comes back to where they were going', async ({ page }) => {
  await page.goto('/invoices');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Finvoices$/);
  const finance = demoUser('FINANCE');
  await page.getByLabel('Email').fill(finance.email);
  await page.getByLabel('Password').fill(finance.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
});

test('a wrong password and an unknown email read the same', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demoUser('FINANCE').email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Email or password is incorrect.');
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Email or password is incorrect.');
  await expect(page).toHaveURL(/\/login/);
});

test('the sign-in page lists demo accounts but never their passwords', async ({ page }) => {
  await page.goto('/login');
  const note = page.getByTestId('demo-accounts');
  await expect(note).toContainText(demoUser('ADMIN').email);
  await expect(note).toContainText('dev-credentials.json');
  await expect(page.locator('body')).not.toContainText(demoUser('ADMIN').password);
});

test('an off-site callbackUrl is ignored', async ({ page }) => {
  await signIn(page, demoUser('DELIVERY'), '/login?callbackUrl=https://evil.example/');
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
});

test('sign out ends the session', async ({ page }) => {
  await signIn(page, demoUser('DELIVERY'));
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/engagements');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fengagements$/);
});
