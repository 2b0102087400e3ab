// Personal API tokens: created in the console, shown once, usable at once, revocable.
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from './demo-users';

test('create a token, call the API with it, revoke it', async ({ page, request }) => {
  const name = `Month-end export ${Date.now()}`; // unique: the e2e database outlives one test
  await signIn(page, demoUser('FINANCE'));
  await page.getByTestId('nav-api-tokens').click();
  await page.getByLabel('Token name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token-value').textContent())?.trim() ?? '';
  expect(token).toMatch(/^tl_pat_[\w-]{43}$/);

  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: demoUser('FINANCE').email, role: 'FINANCE', authenticatedVia: 'token' });

  const row = page.getByTestId('api-token-row').filter({ hasText: name });
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await row.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(row).toContainText('revoked');
  const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test('the demo API token carries its role', async ({ request }) => {
  const ops = demoUser('INTEGRATION_OPS');
  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${ops.apiToken}` } });
  expect((await me.json()).permissions).toContain('exceptions:triage');
  const denied = await request.get('/api/v1/me', { headers: { authorization: 'Bearer tl_pat_not-a-real-token' } });
  expect(denied.status()).toBe(401);
  expect(denied.headers()['content-type']).toBe('application/problem+json');
});
