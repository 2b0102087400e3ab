// End-to-end tests in a real Chromium against the production build. The web server is
// `npm start` itself (build when needed, embedded PostgreSQL, migrations, demo users,
// web + worker) with its own data folder, so tests see exactly what a person sees.
import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions } from './e2e/support/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eDataDir = path.resolve(import.meta.dirname, '.data', 'e2e');

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: `rm -rf "${e2eDataDir}" && node --import tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(port),
      THREADLINE_DATA_DIR: e2eDataDir,
      NEXTAUTH_URL: `http://localhost:${port}`,
      LOG_LEVEL: 'warn',
    },
  },
});
