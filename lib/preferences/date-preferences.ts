// How a person's dates are shown: the locale (negotiated from Accept-Language, or their own
// choice) and the time zone (their browser's, reported by a cookie, or their own choice).
// Pure: the server reads the request once and hands the result to the browser, so both
// format with exactly the same two values. Any bad cookie value is ignored, never an error.

export const DEFAULT_LOCALE = 'en-GB';
/** Until the browser has reported its zone (the first response) timestamps are in UTC, and say so. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Cookie names: the person's choices in settings, and the zone the browser reports by itself. */
export const dateCookies = {
  locale: 'tl_locale',
  timeZone: 'tl_time_zone',
  browserTimeZone: 'tl_browser_time_zone',
} as const;

/** The locales offered in settings and matched from Accept-Language, the default first. */
export const supportedLocales = [
  { tag: 'en-GB', label: 'English (United Kingdom)' },
  { tag: 'en-US', label: 'English (United States)' },
  { tag: 'en-AU', label: 'English (Australia)' },
  { tag: 'en-CA', label: 'English (Canada)' },
  { tag: 'de-DE', label: 'Deutsch (Deutschland)' },
  { tag: 'de-CH', label: 'Deutsch (Schweiz)' },
  { tag: 'fr-FR', label: 'Français (France)' },
  { tag: 'fr-CA', label: 'Français (Canada)' },
  { tag: 'es-ES', label: 'Español (España)' },
  { tag: 'it-IT', label: 'Italiano (Italia)' },
  { tag: 'nl-NL', label: 'Nederlands (Nederland)' },
  { tag: 'pt-BR', label: 'Português (Brasil)' },
  { tag: 'sv-SE', label: 'Svenska (Sverige)' },
  { tag: 'pl-PL', label: 'Polski (Polska)' },
  { tag: 'ja-JP', label: '日本語 (日本)' },
  { tag: 'zh-CN', label: '中文 (中国)' },
] as const;

export type SupportedLocale = (typeof supportedLocales)[number]['tag'];

export interface DatePreferences {
  locale: string;
  timeZone: string;
  /** Where the locale came from: the person's choice or their browser's languages (or the default). */
  localeSource: 'setting' | 'browser' | 'default';
  /** Where the zone came from; 'default' means the browser has not reported one yet. */
  timeZoneSource: 'setting' | 'browser' | 'default';
}

const MAX_VALUE_LENGTH = 100;

/** The supported locale a tag names, matched case-insensitively after canonicalization; null if none. */
export function supportedLocale(tag: string | null | undefined): SupportedLocale | null {
  const canonical = canonicalLocale(tag);
  if (!canonical) return null;
  return supportedLocales.find((l) => l.tag.toLowerCase() === canonical.toLowerCase())?.tag ?? null;
}

function canonicalLocale(tag: string | null | undefined): string | null {
  if (!tag || tag.length > MAX_VALUE_LENGTH) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null; // not a well-formed BCP 47 tag
  }
}

/**
 * The best supported locale for an Accept-Language header (RFC 9110 §12.5.4): by quality, an
 * exact match first, then the first supported locale of the same language ("de-AT" → de-DE,
 * "en" → en-GB). Malformed entries and q=0 are skipped; nothing acceptable → null.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): SupportedLocale | null {
  if (!acceptLanguage || acceptLanguage.length > 1000) return null;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim().match(/^q=([01](?:\.\d{0,3})?)$/i)).find(Boolean);
      return { range: (range ?? '').trim(), quality: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.range && r.range !== '*' && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { range } of ranges) {
    const exact = supportedLocale(range);
    if (exact) return exact;
    const language = canonicalLocale(range)?.split('-')[0]?.toLowerCase();
    const sameLanguage = language ? supportedLocales.find((l) => l.tag.split('-')[0] === language) : undefined;
    if (sameLanguage) return sameLanguage.tag;
  }
  return null;
}

/** The canonical IANA name of a time zone this runtime knows ("europe/berlin" → Europe/Berlin); null if none. */
export function validTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_VALUE_LENGTH) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every time zone offered in settings (the runtime's IANA list; UTC first). */
export function selectableTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

export function resolveDatePreferences(request: {
  acceptLanguage?: string | null;
  cookies: Partial<Record<keyof typeof dateCookies, string | undefined>>;
}): DatePreferences {
  const chosenLocale = supportedLocale(request.cookies.locale);
  const negotiated = chosenLocale ? null : negotiateLocale(request.acceptLanguage);
  const chosenZone = validTimeZone(request.cookies.timeZone);
  const browserZone = chosenZone ? null : validTimeZone(request.cookies.browserTimeZone);
  return {
    locale: chosenLocale ?? negotiated ?? DEFAULT_LOCALE,
    localeSource: chosenLocale ? 'setting' : negotiated ? 'browser' : 'default',
    timeZone: chosenZone ?? browserZone ?? DEFAULT_TIME_ZONE,
    timeZoneSource: chosenZone ? 'setting' : browserZone ? 'browser' : 'default',
  };
}
