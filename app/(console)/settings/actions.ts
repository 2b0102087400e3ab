'use server';
// Server action of the settings page: the person's date preferences, kept in cookies (they
// belong to this browser's display, not to the account; the root layout reads them).
import { cookies } from 'next/headers';
import { serverAction } from '@/lib/http/server-action';
import { datePreferencesSchema, type DatePreferencesInput } from '@/lib/http/schemas/date-preferences';
import { dateCookies } from '@/lib/preferences/date-preferences';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

const save = serverAction({
  permission: 'preferences:manage-own',
  input: datePreferencesSchema,
  handler: async ({ input }) => {
    const cookieStore = await cookies();
    // Setting a cookie in a server action re-renders the page and its layouts with it.
    for (const [name, value] of [
      [dateCookies.locale, input.locale],
      [dateCookies.timeZone, input.timeZone],
    ] as const) {
      if (value) cookieStore.set(name, value, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
      else cookieStore.delete(name);
    }
    return { locale: input.locale, timeZone: input.timeZone };
  },
});

export async function saveDatePreferencesAction(input: DatePreferencesInput) {
  return save(input);
}
