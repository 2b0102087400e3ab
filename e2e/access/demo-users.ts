// The demo users `npm start` wrote for the e2e server (DESIGN.md §5 dev-credentials.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export interface DemoUser {
  email: string;
  password: string;
  role: 'ADMIN' | 'FINANCE' | 'DELIVERY' | 'INTEGRATION_OPS' | 'EXECUTIVE';
  apiToken: string;
}

const dataDir = process.env.E2E_DATA_DIR ?? path.resolve(import.meta.dirname, '..', '..', '.data', 'e2e');

export function demoUser(role: DemoUser['role']): DemoUser {
  const file = JSON.parse(readFileSync(path.join(dataDir, 'dev-credentials.json'), 'utf8')) as { users: DemoUser[] };
  const user = file.users.find((u) => u.role === role);
  if (!user) throw new Error(`No ${role} demo user in ${dataDir}/dev-credentials.json`);
  return user;
}

export async function signIn(page: Page, user: Pick<DemoUser, 'email' | 'password'>, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  // The sign-in lands by a full navigation: wait until React has hydrated the new document
  // (components/providers.tsx marks it), or keys pressed at once reach no listener on a busy machine.
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}
