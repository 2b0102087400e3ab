'use client';
// Tells the server the browser's time zone (a cookie), because a request does not carry it.
// The first response is rendered in UTC (and says so); when the browser's zone differs from
// the one the page was rendered with, the page is refreshed from the server in the right zone.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { dateCookies, validTimeZone } from '@/lib/preferences/date-preferences';
import { useDatePreferences } from './date-format-context';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function ReportBrowserTimeZone() {
  const router = useRouter();
  const { timeZone, timeZoneSource } = useDatePreferences();
  useEffect(() => {
    const browserZone = validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (!browserZone) return;
    if (readCookie(dateCookies.browserTimeZone) !== browserZone) {
      document.cookie = `${dateCookies.browserTimeZone}=${encodeURIComponent(browserZone)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    }
    // A zone chosen in settings wins over the browser's; otherwise re-render once in the browser's.
    if (timeZoneSource !== 'setting' && browserZone !== timeZone) router.refresh();
  }, [router, timeZone, timeZoneSource]);
  return null;
}

function readCookie(name: string): string | undefined {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  if (!entry) return undefined;
  try {
    return decodeURIComponent(entry.slice(name.length + 1));
  } catch {
    return undefined; // a malformed value is overwritten with the right one
  }
}
