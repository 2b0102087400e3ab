// Dates follow the person (issue 6): the browser's language picks the date format, the
// browser's time zone the zone of timestamps (reported on the first page, UTC until then),
// settings override both, business dates never move with the zone, bad cookies are ignored,
// and the server's HTML always matches the browser's (no hydration error).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';

// A quarter chosen on the dashboard: its first and last day are business dates.
const QUARTER = '/?period=custom&from=2026-01-01&through=2026-03-31';

/** Console errors that say the server-rendered HTML did not match the browser's render. */
function watchHydration(page: Page): string[] {
  const errors: string[] = [];
  const isHydrationError = (text: string) => /hydrat|Minified React error #(418|419|421|422|423|425)\b/i.test(text);
  page.on('console', (message) => {
    if (message.type() === 'error' && isHydrationError(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (isHydrationError(error.message)) errors.push(error.message);
  });
  return errors;
}

/** The newest inbox row's received time: its machine value and what a person reads. */
async function newestReceived(page: Page): Promise<{ iso: string; text: Locator }> {
  const time = page.getByTestId('inbox-row').filter({ visible: true }).first().locator('time');
  const iso = (await time.getAttribute('datetime'))!;
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  return { iso, text: time };
}

/** Hour and minute of an instant on a wall clock in `timeZone` (24 h). */
function wallClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The same on a US 12-hour clock, as a regular-expression source ("09:05\\sPM": ICU may put a narrow space before PM). */
function hour12(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso)).replace(/\s/g, '\\s');
}

test.describe('a browser in German, in Berlin', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });

  test('sees German dates, Berlin times, and can choose other ones in settings', async ({ page }) => {
    test.setTimeout(90_000); // a dozen pages in two languages and three zones
    const hydrationErrors = watchHydration(page);
    await signIn(page, demoUser('FINANCE'), '/events');

    // The sign-in page already reported the zone, so the inbox is in Berlin time, named.
    const { iso, text } = await newestReceived(page);
    await expect(text).toHaveText(new RegExp(`^\\d{1,2}\\. \\S+ \\d{4}, ${wallClock(iso, 'Europe/Berlin')} (MEZ|MESZ)$`));
    await expectAccessible(page, 'the inbox in German and Berlin time');

    // Business dates: German format, the same days whatever the zone.
    await page.goto(QUARTER);
    await expect(page.getByText('1. Jan. 2026 – 31. März 2026')).toBeVisible();
    await expectAccessible(page, 'the dashboard in German');

    // Settings override both: US English, Los Angeles.
    await page.getByTestId('nav-settings').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByLabel('Time zone')).toHaveValue('');
    await expect(page.getByLabel('Time zone').locator('option').first()).toHaveText('From your browser (Europe/Berlin)');
    await expectAccessible(page, 'the settings page');
    await page.getByLabel('Date format (language and region)').selectOption('en-US');
    await page.getByLabel('Time zone').selectOption('America/Los_Angeles');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('date-preferences').getByRole('status')).toHaveText(/Saved/);
    await expect(page.getByTestId('preview-instant')).toHaveText(/, \d{2}:\d{2}\s[AP]M P[SD]T$/);
    await expectAccessible(page, 'the settings page after saving');

    await page.goto(QUARTER);
    await expect(page.getByText('Jan 1, 2026 – Mar 31, 2026')).toBeVisible();
    await page.goto('/events');
    const after = await newestReceived(page);
    await expect(after.text).toHaveText(new RegExp(`^[A-Z][a-z]{2} \\d{1,2}, \\d{4}, ${hour12(after.iso, 'America/Los_Angeles')} P[SD]T$`));

    // Back to the browser's choices.
    await page.goto('/settings');
    await page.getByLabel('Date format (language and region)').selectOption('');
    await page.getByLabel('Time zone').selectOption('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('preview-instant')).toHaveText(/ (MEZ|MESZ)$/);
    await page.goto(QUARTER);
    await expect(page.getByText('1. Jan. 2026 – 31. März 2026')).toBeVisible();

    expect(hydrationErrors).toEqual([]);
  });
});

test.describe('a browser in US English, in New York', () => {
  test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

  test('sees US dates and New York times, and bad date cookies are ignored', async ({ page, context, baseURL }) => {
    const hydrationErrors = watchHydration(page);
    // Cookies no setting ever writes: the pages must fall back, not fail.
    const url = baseURL!;
    await context.addCookies([
      { name: 'tl_locale', value: 'not-a-locale!!', url },
      { name: 'tl_time_zone', value: 'Mars/Olympus_Mons', url },
      { name: 'tl_browser_time_zone', value: '%E0%A4%A', url },
    ]);
    await signIn(page, demoUser('FINANCE'), '/events');
    await page.goto(QUARTER);
    await expect(page.getByText('Jan 1, 2026 – Mar 31, 2026')).toBeVisible();
    await expectAccessible(page, 'the dashboard in US English');

    await page.goto('/events');
    const { iso, text } = await newestReceived(page);
    await expect(text).toHaveText(new RegExp(`^[A-Z][a-z]{2} \\d{1,2}, \\d{4}, ${hour12(iso, 'America/New_York')} E[SD]T$`));
    await expectAccessible(page, 'the inbox in New York time');

    expect(hydrationErrors).toEqual([]);
  });

  test('before the browser reports its zone, timestamps are in UTC and say so', async ({ page, context }) => {
    await signIn(page, demoUser('FINANCE'), '/events');
    // What the server sends to a browser that has not reported its zone yet (its first page).
    await context.clearCookies({ name: 'tl_browser_time_zone' });
    const html = await (await page.request.get('/events')).text();
    expect(html).toMatch(/<time datetime="[^"]+Z"[^>]*>[^<]*\d{2}:\d{2}[^<]*UTC<\/time>/i);
    expect(html).not.toMatch(/<time datetime="[^"]+Z"[^>]*>[^<]*E[SD]T<\/time>/i);
  });
});
