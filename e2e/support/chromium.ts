// How Threadline's browser checks launch Chromium: Debian's system browser when it is
// installed (Playwright cannot download its own on these machines, NOTES-offline.md),
// otherwise Playwright's. Shared by playwright.config.ts, the console benchmark and
// `npm run screenshots`, so all three see the same browser.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const chromiumLaunchOptions: LaunchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }
  : {};
