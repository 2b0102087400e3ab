// npm run screenshots — photographs the console's main pages, each as the role that works
// there, into docs/screenshots/<page>.png (the README shows them). Starts Threadline as
// `npm start` does in a fresh data folder, so the pictures show the demo world; or uses a
// running one: SCREENSHOTS_URL=http://localhost:3000 SCREENSHOTS_DATA_DIR=.data.
// The page list and the "interactive" test are the console benchmark's (bench/console).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { signIn, type DemoUser } from '../e2e/access/demo-users.ts';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { consolePages } from '../bench/console/console-pages.ts';
import { openDemoServer } from '../bench/console/demo-server.ts';
import { whenInteractive } from '../bench/console/time-to-interactive.ts';
import { waitForDemoWorld } from '../bench/console/wait-for-demo.ts';

const say = (line: string) => process.stdout.write(line + '\n');
const outDir = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  const { baseUrl, dataDir, credentials, stack } = await openDemoServer({ envPrefix: 'SCREENSHOTS', folder: 'threadline-screenshots', defaultPort: 3970, say });
  const { users } = credentials;
  const user = (role: DemoUser['role']) => {
    const found = users.find((u) => u.role === role);
    if (!found) throw new Error(`No ${role} demo user in ${dataDir}/dev-credentials.json (is SEED_DEMO_USERS off?)`);
    return found;
  };

  let browser: Browser | undefined;
  try {
    await waitForDemoWorld(baseUrl, say);
    browser = await chromium.launch(chromiumLaunchOptions);
    mkdirSync(outDir, { recursive: true });
    for (const consolePage of await consolePages(baseUrl, user('FINANCE').apiToken)) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'en-US', colorScheme: 'light' });
      const page = await context.newPage();
      await signIn(page, user(consolePage.role));
      await page.goto(consolePage.path);
      await whenInteractive(page, 30_000);
      // Charts draw after hydration; give their first animation frame time to settle.
      await page.waitForTimeout(800);
      const file = path.join(outDir, `${consolePage.slug}.png`);
      await page.screenshot({ path: file, fullPage: false });
      say(`${consolePage.title} (${consolePage.role}) → ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  } finally {
    await browser?.close();
    await stack?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
