'use client';
// "Push a correction to the owning system" on the exception page: integration ops
// previews the diff (a dry run: nothing is written), then pushes it — or, when it moves
// money, requests Finance's approval. Finance approves or rejects a pending correction
// (not one they proposed). The service decides and checks again; this only shows what
// the role may try, and every refusal comes back as a readable message.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import type { CorrectionView } from '@/lib/services/corrections/correction-record';
import { CorrectionDiffTable } from './correction-diff-table';

export type CorrectionAction = (input: {
  exceptionId: string;
  action: 'push-correction' | 'approve' | 'reject';
  dryRun?: boolean;
  value?: string;
  note?: string;
}) => Promise<ActionResult<{ alreadyDone: boolean; correction: CorrectionView | null }>>;

export interface PushCorrectionPanelProps {
  exceptionId: string;
  /** May push (integration ops, on an open exception of a correctable code). */
  canPush: boolean;
  /** Asks for the corrected value (a legal entity code). */
  needsValue: boolean;
  /** May decide the pending correction (finance, not its proposer). */
  canDecide: boolean;
  pending: CorrectionView | null;
  /** The latest correction when none is pending (sent or rejected). */
  last: CorrectionView | null;
  act: CorrectionAction;
}

const button = 'rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60';
const primary = `${button} bg-accent text-on-accent hover:bg-accent-strong`;
const secondary = `${button} border border-line-strong bg-surface text-ink hover:border-accent hover:text-accent-strong`;
const done: Record<CorrectionView['status'], string> = {
  PREVIEW: '',
  PENDING_APPROVAL: 'Sent to Finance for approval.',
  ENQUEUED: 'Correction queued for delivery to the owning system.',
  REJECTED: 'Correction rejected; nothing was sent.',
};

export function PushCorrectionPanel({ exceptionId, canPush, needsValue, canDecide, pending, last, act }: PushCorrectionPanelProps) {
  const [preview, setPreview] = useState<CorrectionView | null>(null);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, startTransition] = useTransition();

  function run(action: 'push-correction' | 'approve' | 'reject', dryRun = false) {
    setMessage(null);
    startTransition(async () => {
      const result = await act({ exceptionId, action, dryRun, value: value.trim() || undefined, note: note.trim() || undefined });
      if (!result.ok) {
        setMessage({ kind: 'error', text: Object.values(result.error.fieldErrors ?? {}).flat()[0] ?? result.error.message });
        return;
      }
      const correction = result.data.correction;
      if (dryRun) return setPreview(correction);
      setPreview(null);
      setNote('');
      setMessage({ kind: 'ok', text: result.data.alreadyDone ? 'That correction was already sent or requested.' : correction ? done[correction.status] : 'Done.' });
    });
  }

  const shown = pending ?? preview;
  return (
    <section aria-labelledby="correction-heading" className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="push-correction">
      <h2 id="correction-heading" className="text-sm font-semibold text-ink">Correction in the owning system</h2>
      {pending ? <p className="mt-1 text-xs font-medium text-ink-muted" data-testid="correction-pending">Awaiting Finance approval.</p> : null}
      {last ? (
        <p className="mt-1 text-xs text-ink-muted" data-testid="correction-last">
          Last correction: {last.status === 'REJECTED' ? 'rejected by Finance, nothing was sent' : 'sent to the owning system'} — {last.summary}
        </p>
      ) : null}
      {canPush && !pending ? (
        <form
          className="mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run('push-correction', true);
          }}
        >
          {needsValue ? (
            <label className="block text-xs font-medium text-ink-muted">
              Corrected legal entity code
              <input value={value} onChange={(e) => setValue(e.target.value)} maxLength={64} required className="mt-1 block w-32 rounded-md border border-line-strong bg-surface px-2 py-1 font-mono text-sm text-ink" />
            </label>
          ) : null}
          <button type="submit" disabled={busy} className={secondary}>{busy && !preview ? 'Previewing…' : 'Preview correction'}</button>
        </form>
      ) : null}
      {shown ? <div className="mt-4"><CorrectionDiffTable correction={shown} /></div> : null}
      {(preview && canPush) || (pending && canDecide) ? (
        <div className="mt-3 space-y-2">
          <label className="block text-xs font-medium text-ink-muted">
            Note (optional)
            <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} className="mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink" />
          </label>
          <div className="flex flex-wrap gap-2">
            {preview && canPush ? (
              <button type="button" disabled={busy} onClick={() => run('push-correction')} className={primary}>
                {preview.movesMoney ? 'Request approval' : 'Push'}
              </button>
            ) : null}
            {pending && canDecide ? (
              <>
                <button type="button" disabled={busy} onClick={() => run('approve')} className={primary}>Approve correction</button>
                <button type="button" disabled={busy} onClick={() => run('reject')} className={secondary}>Reject correction</button>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`mt-3 text-sm ${message.kind === 'error' ? 'text-danger' : 'text-accent-strong'}`} data-testid="correction-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
