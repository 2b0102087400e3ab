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
