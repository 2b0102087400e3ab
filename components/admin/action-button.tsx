'use client';
// One admin action on one row: a button that asks first (or asks for a reason), calls its
// server action and shows the refusal in words. The page re-renders with the new state
// (the action revalidates /admin), so the button keeps no state of its own after success.
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { actionErrorText } from './action-error-text';

export interface ActionButtonProps<I extends Record<string, unknown>> {
  label: string;
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  /** Asked with window.confirm before acting. */
  confirm?: string;
  /** Ask for a reason first; it is sent as input[reasonField]. */
  reasonField?: string;
  reasonLabel?: string;
  tone?: 'neutral' | 'danger';
}

export function ActionButton<I extends Record<string, unknown>>(props: ActionButtonProps<I>) {
  const { label, action, input, confirm, reasonField, reasonLabel = 'Reason', tone = 'neutral' } = props;
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();

  const run = (extra: Record<string, unknown> = {}) => {
    setError(null);
    startTransition(async () => {
      const result = await action({ ...input, ...extra });
      if (!result.ok) setError(actionErrorText(result.error));
      else setAsking(false);
    });
  };
  const buttonClass = `rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-60 ${tone === 'danger' ? 'border-danger/40 text-danger hover:bg-danger-soft' : 'border-line-strong text-ink hover:border-accent'}`;

  return (
    <div className="inline-flex flex-col items-start gap-1">
      {asking && reasonField ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run({ [reasonField]: reason });
          }}
        >
          <label htmlFor={reasonId} className="sr-only">
            {reasonLabel}
          </label>
          <input id={reasonId} required value={reason} onChange={(e) => setReason(e.target.value)} placeholder={reasonLabel} className="w-56 rounded-md border border-line-strong bg-surface px-2 py-1 text-xs text-ink" />
          <button type="submit" disabled={pending} className={buttonClass}>
            {label}
          </button>
          <button type="button" onClick={() => setAsking(false)} className="text-xs text-ink-muted hover:text-ink">
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          disabled={pending}
          className={buttonClass}
          onClick={() => {
            if (reasonField) return setAsking(true);
            if (confirm && !window.confirm(confirm)) return;
            run();
          }}
        >
          {label}
        </button>
      )}
      {error ? (
        <p role="alert" className="max-w-xs text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
