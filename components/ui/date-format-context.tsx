'use client';
// The person's DateFormat for client components. The root layout reads the preferences once
// per request and passes them to Providers, so the browser formats with the same locale and
// zone the server rendered with (no hydration mismatch).
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type DatePreferences } from '@/lib/preferences/date-preferences';
import { createDateFormat, type DateFormat } from './format-date';

const defaults: DatePreferences = { locale: DEFAULT_LOCALE, timeZone: DEFAULT_TIME_ZONE, localeSource: 'default', timeZoneSource: 'default' };
const DatePreferencesContext = createContext<DatePreferences>(defaults);

export function DatePreferencesProvider({ preferences, children }: { preferences: DatePreferences; children: ReactNode }) {
  return <DatePreferencesContext.Provider value={preferences}>{children}</DatePreferencesContext.Provider>;
}

export function useDatePreferences(): DatePreferences {
  return useContext(DatePreferencesContext);
}

/** For the few places that need a date as a string (an attribute); elsewhere render <DateText>. */
export function useDateFormat(): DateFormat {
  const { locale, timeZone } = useDatePreferences();
  return useMemo(() => createDateFormat({ locale, timeZone }), [locale, timeZone]);
}
