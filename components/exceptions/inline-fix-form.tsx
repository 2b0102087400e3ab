'use client';
// The inline fix of an exception whose fix is a choice (lib/domain/exceptions/inline-fix):
// one select per value the sender used, then "Save and replay" writes the mapping (or the
// crosswalk link) and puts the held events back in the inbox in one server call.
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { inlineFixLabels, type InlineFix } from '@/lib/domain/exceptions/inline-fix';
import { useQueueCache } from './use-queue-cache';

export type FixExceptionInline = (input: {
  exceptionId: string;
  choices: { external: string; canonical: string }[];
  replay: boolean;
}) => Promise<ActionResult<{ changed: number; requeued: number | null }>>;

export function InlineFixForm({ exceptionId, fix, options, canReplay, perform }: {
  exceptionId: string;
  fix: InlineFix;
  options: { value: string; label: string }[];
  canReplay: boolean;
  perform: FixExceptionInline;
}) {
  const labels = inlineFixLabels[fix.kind];
  const headingId = useId();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const queueCache = useQueueCache();

  function submit(replay: boolean) {
    setMessage(null);
    const missing = fix.externalValues.filter((value) => !choices[value]);
    if (missing.length) {
      setMessage({ kind: 'error', text: `Choose a value for ${missing.join(', ')}.` });
      return;
    }
    startTransition(async () => {
      const result = await perform({ exceptionId, replay, choices: fix.externalValues.map((external) => ({ external, canonical: choices[external]! })) });
      if (!result.ok) {
        setMessage({ kind: 'error', text: Object.values(result.error.fieldErrors ?? {}).flat()[0] ?? result.error.message });
        return;
      }
      void queueCache.markStale();
      const replayed = result.data.requeued === null ? '' : ` ${result.data.requeued} held event(s) went back to the inbox.`;
      setMessage({ kind: 'ok', text: `${result.data.changed ? 'Fix saved.' : 'That fix was already in place.'}${replayed}` });
    });
  }

  return (
    <section aria-labelledby={headingId} className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="inline-fix">
      <h2 id={headingId} className="text-sm font-semibold text-ink">{labels.title}</h2>
      <p className="mt-1 text-xs text-ink-muted">
        {fix.system ? <>Saved as a mapping of <span className="font-mono">{fix.system}</span>; </> : null}
        the next time this value arrives it is understood.
      </p>
      <form
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit(canReplay);
        }}
      >
        {fix.externalValues.map((external) => (
          <label key={external} className="block text-xs font-medium text-ink-muted">
            {labels.choose} <span className="font-mono text-ink">{external}</span>
            <select
              value={choices[external] ?? ''}
              onChange={(event) => setChoices((current) => ({ ...current, [external]: event.target.value }))}
              className="mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink"
              required
            >
              <option value="">Choose…</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60">
            {pending ? 'Saving…' : canReplay ? 'Save and replay' : 'Save the fix'}
          </button>
          {canReplay ? (
            <button type="button" disabled={pending} onClick={() => submit(false)} className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent-strong disabled:opacity-60">
              Save without replaying
            </button>
          ) : null}
        </div>
      </form>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`mt-3 text-sm ${message.kind === 'error' ? 'text-danger' : 'text-accent-strong'}`} data-testid="inline-fix-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
