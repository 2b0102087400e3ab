// Dates shown in the console, in the person's locale and time zone. The server and the
// browser build the same DateFormat from the same two values (handed down by the root
// layout), so server-rendered markup matches after hydration.
//
// Two kinds of value, never mixed up:
// - business dates (issue, due, work, period, milestone dates) are calendar days stored as
//   UTC midnight: formatted in the person's locale but in UTC, so they never move a day;
// - instants (received, processed, created, applied…) are shown in the person's time zone,
//   with the zone's name when the time of day is shown.

export type DateValue = Date | string | null | undefined;

export interface DateFormat {
  locale: string;
  timeZone: string;
  /** A calendar date ("10 Mar 2026"): never shifted by time zone. */
  businessDate(value: DateValue, fallback?: string): string;
  /** An instant with its time and zone ("10 Mar 2026, 07:30 UTC"). */
  instant(value: DateValue, fallback?: string): string;
  /** The day an instant fell on in the person's zone ("10 Mar 2026"). */
  instantDay(value: DateValue, fallback?: string): string;
}

const dayOptions = { day: 'numeric', month: 'short', year: 'numeric' } as const satisfies Intl.DateTimeFormatOptions;
const timeOptions = { ...dayOptions, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const satisfies Intl.DateTimeFormatOptions;

// Intl.DateTimeFormat is costly to build and tables format hundreds of cells: one per setting.
const formats = new Map<string, DateFormat>();

export function createDateFormat(options: { locale: string; timeZone: string }): DateFormat {
  const key = `${options.locale}|${options.timeZone}`;
  const cached = formats.get(key);
  if (cached) return cached;
  const businessDay = new Intl.DateTimeFormat(options.locale, { ...dayOptions, timeZone: 'UTC' });
  const instantDay = new Intl.DateTimeFormat(options.locale, { ...dayOptions, timeZone: options.timeZone });
  const instant = new Intl.DateTimeFormat(options.locale, { ...timeOptions, timeZone: options.timeZone });
  const format = (formatter: Intl.DateTimeFormat) => (value: DateValue, fallback = '—') => {
    const date = toDate(value);
    return date ? formatter.format(date) : fallback;
  };
  const dateFormat: DateFormat = {
    locale: options.locale,
    timeZone: options.timeZone,
    businessDate: format(businessDay),
    instant: format(instant),
    instantDay: format(instantDay),
  };
  formats.set(key, dateFormat);
  return dateFormat;
}

/** A Date from a Date or an ISO string; null for nothing or an unparseable value (shown as the fallback). */
export function toDate(value: DateValue): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * How long ago, in the largest whole unit: "just now", "12 min", "5 h", "3 d". `now` comes
 * from the server with the data, so the server and the browser print the same.
 */
export function formatAge(since: Date | string, now: Date | string): string {
  const minutes = Math.floor((new Date(now).getTime() - new Date(since).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}
