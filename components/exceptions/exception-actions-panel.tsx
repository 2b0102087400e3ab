'use client';
// The triage buttons of one exception. Resolve, suppress, approve and reject ask for the
// note or reason first (the service requires it for resolve and suppress; approving shows
// its consequence first when the code has one, e.g. the time it writes off); assign and
// replay act at once. The server action revalidates the page, so the new status shows.
import { useState, useTransition, type ReactNode } from 'react';
import type { ExceptionActionName } from '@/lib/services/exceptions/exception-actions';
import type { ActionResult } from '@/lib/http/action-result';
import type { ExceptionStatus } from '@/lib/db/generated/enums';
import type { AvailableActions, TriageButton } from './available-actions';
import { useQueueCache } from './use-queue-cache';

export type PerformExceptionAction = (input: {
  exceptionId: string;
  action: ExceptionActionName;
  note?: string;
  reason?: string;
}) => Promise<ActionResult<{ status: ExceptionStatus; alreadyDone: boolean; requeued: number | null }>>;

const labels: Record<TriageButton, string> = { assign: 'Assign to me', replay: 'Replay held events', approve: 'Approve', reject: 'Reject', resolve: 'Resolve', suppress: 'Suppress' };
const done: Record<TriageButton, string> = { assign: 'Assigned to you.', replay: 'Replayed', approve: 'Approved.', reject: 'Rejected.', resolve: 'Resolved.', suppress: 'Suppressed.' };
// What the text box asks for; suppress sends it as the reason, the others as the note.
const prompts: Partial<Record<TriageButton, { label: string; required: boolean }>> = {
  resolve: { label: 'Resolution note', required: true },
  suppress: { label: 'Reason for suppressing', required: true },
  approve: { label: 'Note (optional)', required: false },
  reject: { label: 'Note (optional)', required: false },
};

export function ExceptionActionsPanel({ exceptionId, available, perform, approveConsequence, approveLabel }: {
  exceptionId: string;
  available: AvailableActions;
  perform: PerformExceptionAction;
  /** What approving will do (e.g. the time it writes off), shown before the person confirms. */
  approveConsequence?: ReactNode;
  /** The confirm button's words when approving does something the plain label hides. */
  approveLabel?: string;
}) {
  const [open, setOpen] = useState<TriageButton | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const queueCache = useQueueCache();

  function run(action: TriageButton) {
    setMessage(null);
    startTransition(async () => {
      const value = text.trim() || undefined;
      const result = await perform({ exceptionId, action, ...(action === 'suppress' ? { reason: value } : { note: value }) });
      if (!result.ok) {
        setMessage({ kind: 'error', text: Object.values(result.error.fieldErrors ?? {}).flat()[0] ?? result.error.message });
        return;
      }
      const suffix = action === 'replay' ? ` ${result.data.requeued ?? 0} event(s) went back to the inbox.` : '';
      setMessage({ kind: 'ok', text: result.data.alreadyDone ? 'That was already done.' : `${done[action]}${suffix}` });
      setOpen(null);
      setText('');
      void queueCache.markStale();
    });
  }

  const prompt = open ? prompts[open] : undefined;
  return (
    <section aria-labelledby="triage-heading" className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="triage-actions">
      <h2 id="triage-heading" className="text-sm font-semibold text-ink">Triage</h2>
      <div className="mt-3 flex flex-wrap gap-2">
        {available.buttons.map((button) => (
          <button
            key={button}
            type="button"
            disabled={pending}
            onClick={() => (prompts[button] ? (setOpen(button), setMessage(null)) : run(button))}
            className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${
              open === button ? 'bg-accent text-on-accent' : 'border border-line-strong bg-surface text-ink hover:border-accent hover:text-accent-strong'
            }`}
          >
            {labels[button]}
          </button>
        ))}
      </div>
      {available.decision && (available.buttons.includes('approve') || available.buttons.includes('reject')) ? (
        <dl className="mt-3 space-y-1 text-xs text-ink-muted">
          <div><dt className="inline font-medium">Approve: </dt><dd className="inline">{available.decision.approve}</dd></div>
          <div><dt className="inline font-medium">Reject: </dt><dd className="inline">{available.decision.reject}</dd></div>
        </dl>
      ) : null}
      {available.buttons.includes('approve') ? approveConsequence : null}
      {open && prompt ? (
        <form
          className="mt-4 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(open);
          }}
        >
          <label className="block text-xs font-medium text-ink-muted">
            {prompt.label}
            <textarea
              value={text}
              onChange={(event) => setText(event.target.value)}
              required={prompt.required}
              maxLength={2000}
              rows={3}
              className="mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink"
            />
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60">
              {pending ? 'Saving…' : open === 'approve' && approveLabel ? approveLabel : `${labels[open]} exception`}
            </button>
            <button type="button" onClick={() => setOpen(null)} className="px-2 text-sm text-ink-muted hover:text-ink">
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`mt-3 text-sm ${message.kind === 'error' ? 'text-danger' : 'text-accent-strong'}`} data-testid="triage-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
