// End-to-end tests in a real Chromium against the production build. The web server is
// `npm start` itself (build when needed, embedded PostgreSQL, migrations, demo users,
// web + worker, the demo world) with its own data folder, so tests see exactly what a
// person sees. Tests start once the demo world is loaded (health ?demo=ready); the specs
// look for their own data, never for an empty installation. DEMO_WORLD_SCALE passes through.
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
    // Dates follow the browser's language and zone; the specs assert en-GB dates in UTC
    // (e2e/console/locale.spec.ts overrides both to check that they follow).
    locale: 'en-GB',
    timezoneId: 'UTC',
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
    // 200 only once the demo world is loaded (503 while it loads): build + load on a busy machine.
    url: `http://127.0.0.1:${port}/api/v1/health?demo=ready`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(port),
      THREADLINE_DATA_DIR: e2eDataDir,
      NEXTAUTH_URL: `http://localhost:${port}`,
      LOG_LEVEL: 'warn',
      ...(process.env.DEMO_WORLD_SCALE ? { DEMO_WORLD_SCALE: process.env.DEMO_WORLD_SCALE } : {}),
    },
  },
});
