'use client';
// The person's language (for dates) and time zone, each either chosen or left to the browser,
// with a preview of how a date and a timestamp will look.
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import type { DatePreferencesInput } from '@/lib/http/schemas/date-preferences';
import type { DatePreferences } from '@/lib/preferences/date-preferences';
import { DateText } from '@/components/ui/date-text';

export type SaveDatePreferences = (input: DatePreferencesInput) => Promise<ActionResult<unknown>>;

const selectClass = 'mt-1 w-full max-w-md rounded-md border border-line-strong bg-surface px-3 py-2 text-sm';

export function DatePreferencesForm(props: {
  preferences: DatePreferences;
  browser: { locale: string; timeZone: string | null };
  locales: { value: string; label: string }[];
  timeZones: string[];
  sampleAt: string;
  saveAction: SaveDatePreferences;
}) {
  const { preferences, browser } = props;
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    setSaved(false);
    startTransition(async () => {
      const result = await props.saveAction({ locale: String(data.get('locale') ?? ''), timeZone: String(data.get('timeZone') ?? '') });
      if (result.ok) setSaved(true);
      else setError({ message: result.error.message, fields: result.error.fieldErrors ?? {} });
    });
  }

  const fieldError = (name: string) => error?.fields[name]?.[0];
  return (
    <form onSubmit={onSubmit} className="max-w-3xl rounded-card border border-line bg-surface p-5 shadow-card" aria-labelledby="dates-heading" data-testid="date-preferences">
      <h2 id="dates-heading" className="text-sm font-semibold text-ink">Dates and times</h2>
      <div className="mt-4 space-y-4">
        <div>
          <label htmlFor="date-locale" className="block text-sm font-medium text-ink">Date format (language and region)</label>
          <select id="date-locale" name="locale" defaultValue={preferences.localeSource === 'setting' ? preferences.locale : ''} aria-describedby={fieldError('locale') ? 'date-locale-error' : undefined} className={selectClass}>
            <option value="">From your browser ({browser.locale})</option>
            {props.locales.map((locale) => (
              <option key={locale.value} value={locale.value}>{locale.label}</option>
            ))}
          </select>
          {fieldError('locale') ? <p id="date-locale-error" className="mt-1 text-sm text-danger">{fieldError('locale')}</p> : null}
        </div>
        <div>
          <label htmlFor="date-time-zone" className="block text-sm font-medium text-ink">Time zone</label>
          <select id="date-time-zone" name="timeZone" defaultValue={preferences.timeZoneSource === 'setting' ? preferences.timeZone : ''} aria-describedby={fieldError('timeZone') ? 'date-time-zone-error' : 'date-time-zone-hint'} className={selectClass}>
            <option value="">From your browser ({browser.timeZone ?? 'not reported yet: UTC'})</option>
            {props.timeZones.map((zone) => (
              <option key={zone} value={zone}>{zone.replaceAll('_', ' ')}</option>
            ))}
          </select>
          {fieldError('timeZone') ? <p id="date-time-zone-error" className="mt-1 text-sm text-danger">{fieldError('timeZone')}</p> : null}
          <p id="date-time-zone-hint" className="mt-1 text-xs text-ink-muted">
            Timestamps (when something was received, processed or changed) are shown in this zone, with its name. Business dates (issue, due, work and period dates) are calendar days and never move with the zone.
          </p>
        </div>
        <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="date-preview">
          <dt className="text-ink-muted">A date</dt>
          <dd className="text-ink" data-testid="preview-date"><DateText value={props.sampleAt} kind="business-date" /></dd>
          <dt className="text-ink-muted">A timestamp</dt>
          <dd className="text-ink" data-testid="preview-instant"><DateText value={props.sampleAt} kind="instant" /></dd>
        </dl>
      </div>
      <div className="mt-5 flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60">
          {pending ? 'Saving…' : 'Save'}
        </button>
        <p role="status" className="text-sm text-ink-muted">{saved && !pending ? 'Saved. Dates now show in your choice.' : ''}</p>
      </div>
      {error && Object.keys(error.fields).length === 0 ? <p role="alert" className="mt-3 text-sm text-danger">{error.message}</p> : null}
    </form>
  );
}
