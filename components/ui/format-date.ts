// Dates shown in the console, formatted the same on the server and in the browser (a
// fixed locale and UTC), so server-rendered markup always matches after hydration.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export function formatDate(value: Date | string | null | undefined, fallback = '—'): string {
  return value ? dateFormat.format(new Date(value)) : fallback;
}

export function formatDateTime(value: Date | string | null | undefined, fallback = '—'): string {
  return value ? dateTimeFormat.format(new Date(value)) : fallback;
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
