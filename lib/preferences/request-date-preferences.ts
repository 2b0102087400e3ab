// The date preferences of the request being rendered: read once per request (React cache)
// from its cookies and Accept-Language, by the root layout (which hands them to the browser)
// and by the settings page (which shows where each value came from).
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { DEFAULT_LOCALE, dateCookies, negotiateLocale, resolveDatePreferences, validTimeZone, type DatePreferences } from './date-preferences.ts';

export const getDatePreferences = cache(async (): Promise<DatePreferences> => {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  return resolveDatePreferences({
    acceptLanguage: requestHeaders.get('accept-language'),
    cookies: {
      locale: cookieStore.get(dateCookies.locale)?.value,
      timeZone: cookieStore.get(dateCookies.timeZone)?.value,
      browserTimeZone: cookieStore.get(dateCookies.browserTimeZone)?.value,
    },
  });
});


/** What the browser alone would give (for settings' "from your browser" choice); the zone is null until reported. */
export async function getBrowserDateDefaults(): Promise<{ locale: string; timeZone: string | null }> {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  return {
    locale: negotiateLocale(requestHeaders.get('accept-language')) ?? DEFAULT_LOCALE,
    timeZone: validTimeZone(cookieStore.get(dateCookies.browserTimeZone)?.value),
  };
}
