'use client';
// FINANCE's decision on a deduction or dispute, right where the money is shown: approve or
// reject, with an optional note. The server action runs the exception approve/reject
// service (its money effect in the same transaction) and revalidates the page, so the
// invoice balance and the row's state change in front of the person.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';

export type DecideCashException = (input: { exceptionId: string; decision: 'approve' | 'reject'; note?: string }) => Promise<ActionResult<{ status: string; alreadyDone: boolean }>>;

export function DecisionButtons({ exceptionId, label, options, decide }: { exceptionId: string; label: string; options: { approve: string; reject: string } | null; decide: DecideCashException }) {
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function run(decision: 'approve' | 'reject') {
    setMessage(null);
    startTransition(async () => {
      const result = await decide({ exceptionId, decision, note: note.trim() || undefined });
      if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
      setMessage({ kind: 'ok', text: result.data.alreadyDone ? 'That was already decided.' : decision === 'approve' ? 'Approved.' : 'Rejected.' });
    });
  }

  if (message?.kind === 'ok') return <p role="status" className="text-sm text-accent-strong" data-testid="decision-message">{message.text}</p>;
  const button = 'rounded-md px-2.5 py-1 text-sm font-medium disabled:opacity-60';
  return (
    <div className="flex min-w-56 flex-col gap-1.5" data-testid="decision-buttons">
      <label className="text-xs text-ink-muted">
        <span className="sr-only">Note on {label}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="Note (optional)" className="w-full rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-ink" />
      </label>
      <div className="flex gap-2">
        <button type="button" disabled={pending} onClick={() => run('approve')} title={options?.approve} className={`${button} bg-accent text-on-accent hover:bg-accent-strong`} aria-label={`Approve ${label}`}>
          Approve
        </button>
        <button type="button" disabled={pending} onClick={() => run('reject')} title={options?.reject} className={`${button} border border-line-strong bg-surface text-ink hover:border-danger hover:text-danger`} aria-label={`Reject ${label}`}>
          Reject
        </button>
      </div>
      {message ? <p role="alert" className="text-sm text-danger">{message.text}</p> : null}
    </div>
  );
}
