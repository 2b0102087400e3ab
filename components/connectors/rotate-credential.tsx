'use client';
// Rotating a connector's token or signing secret (ADMIN). The old value keeps working for
// the chosen overlap so the connected system can switch; "at once" is for a leak. The new
// value is shown here once — Threadline keeps only its hash (token) or encrypted (secret).
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { DateText } from '@/components/ui/date-text';

export interface RotatedValue {
  what: 'token' | 'secret';
  value: string;
  previousValidUntil: string | null;
}

export type RotateAction = (input: { code: string; what: 'token' | 'secret'; overlapHours: number }) => Promise<ActionResult<RotatedValue>>;

const overlaps = [
  ['24', '24 hours'],
  ['72', '3 days'],
  ['1', '1 hour'],
  ['0', 'No overlap (revoke the old one at once)'],
] as const;

export function RotateCredential({ code, rotateAction }: { code: string; rotateAction: RotateAction }) {
  const [pending, startTransition] = useTransition();
  const [overlap, setOverlap] = useState('24');
  const [rotated, setRotated] = useState<RotatedValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  const rotate = (what: 'token' | 'secret') => {
    const noun = what === 'token' ? 'token' : 'signing secret';
    if (!window.confirm(`Issue a new ${noun} for ${code}? ${overlap === '0' ? 'The current one stops working at once.' : 'The current one keeps working during the overlap.'}`)) return;
    setError(null);
    startTransition(async () => {
      const result = await rotateAction({ code, what, overlapHours: Number(overlap) });
      if (result.ok) setRotated(result.data);
      else setError(result.error.message);
    });
  };

  return (
    <div data-testid="rotate-credential">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
          The old value keeps working for
          <select value={overlap} onChange={(e) => setOverlap(e.target.value)} className="rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink">
            {overlaps.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={pending} onClick={() => rotate('token')} className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent disabled:opacity-60">
          Rotate token
        </button>
        <button type="button" disabled={pending} onClick={() => rotate('secret')} className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent disabled:opacity-60">
          Rotate signing secret
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-3 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      {rotated ? (
        <section role="status" className="mt-4 rounded-card border border-accent bg-accent-soft p-4" data-testid="rotated-credential">
          <h3 className="text-sm font-semibold text-ink">New {rotated.what === 'token' ? 'token' : 'signing secret'} for {code}</h3>
          <p className="mt-1 text-sm text-ink-muted">
            Give it to the connected system now: it is shown only this once.{' '}
            {rotated.previousValidUntil ? (
              <>
                The previous one works until <DateText value={rotated.previousValidUntil} kind="instant" />.
              </>
            ) : (
              'The previous one no longer works.'
            )}
          </p>
          <code data-testid="rotated-value" className="mt-2 block select-all break-all rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-ink">
            {rotated.value}
          </code>
          <button type="button" onClick={() => setRotated(null)} className="mt-2 text-sm font-medium text-accent hover:text-accent-strong">
            I have stored it
          </button>
        </section>
      ) : null}
    </div>
  );
}
