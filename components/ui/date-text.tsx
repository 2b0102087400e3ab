'use client';
// A date as a person reads it, in a <time> element whose dateTime attribute carries the exact
// value for assistive technology. A client component, so server and client components alike
// render it and it always formats with the person's locale and zone (from context).
import type { DateValue } from './format-date';
import { toDate } from './format-date';
import { useDateFormat } from './date-format-context';

export type DateKind = 'business-date' | 'instant' | 'instant-day';

export function DateText({ value, kind, fallback = '—', testId }: { value: DateValue; kind: DateKind; fallback?: string; testId?: string }) {
  const format = useDateFormat();
  const date = toDate(value);
  if (!date) return <>{fallback}</>;
  const iso = date.toISOString();
  if (kind === 'business-date') {
    return (
      <time dateTime={iso.slice(0, 10)} data-testid={testId}>
        {format.businessDate(date)}
      </time>
    );
  }
  // A day-only instant carries its full time and zone on hover.
  return (
    <time dateTime={iso} title={kind === 'instant-day' ? format.instant(date) : undefined} data-testid={testId}>
      {kind === 'instant' ? format.instant(date) : format.instantDay(date)}
    </time>
  );
}
