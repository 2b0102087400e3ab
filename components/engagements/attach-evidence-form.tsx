'use client';
// DELIVERY attaches evidence to a completed milestone: the document's address and its
// SHA-256. The server action re-evaluates billability and revalidates the page, so the
// milestone's new status shows; the message says what (if anything) it still waits for.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';

export type AttachEvidence = (input: { milestoneId: string; uri: string; sha256: string }) => Promise<ActionResult<{ status: string; billable: boolean; alreadyAttached: boolean; missing: string[] }>>;

export function AttachEvidenceForm({ milestoneId, milestoneRef, attach }: { milestoneId: string; milestoneRef: string; attach: AttachEvidence }) {
  const [open, setOpen] = useState(false);
  const [uri, setUri] = useState('');
  const [sha256, setSha256] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; fields?: Record<string, string[]> } | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-line-strong bg-surface px-2 py-1 text-xs font-medium text-ink hover:border-accent hover:text-accent-strong" data-testid={`attach-evidence-${milestoneRef}`}>
        Attach evidence
      </button>
    );
  }
  const inputClass = 'mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink';
  return (
    <form
      className="mt-2 space-y-2 rounded-md border border-line bg-canvas p-3"
      aria-label={`Attach evidence to milestone ${milestoneRef}`}
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await attach({ milestoneId, uri, sha256 });
          if (!result.ok) {
            setMessage({ kind: 'error', text: result.error.message, fields: result.error.fieldErrors });
            return;
          }
          const d = result.data;
          const text = d.alreadyAttached ? 'That document was already attached.' : d.billable ? 'Evidence attached: the milestone is billable.' : `Evidence attached; still waiting for ${d.missing.map((m) => (m === 'MISSING_APPROVAL' ? 'PM approval' : m.toLowerCase())).join(', ')}.`;
          setMessage({ kind: 'ok', text });
          setUri('');
          setSha256('');
        });
      }}
    >
      <label className="block text-xs font-medium text-ink-muted">
        Document address
        <input type="url" required value={uri} onChange={(e) => setUri(e.target.value)} placeholder="https://docs.example.com/signoff.pdf" className={inputClass} aria-invalid={Boolean(message?.fields?.uri)} />
        {message?.fields?.uri ? <span className="text-danger">{message.fields.uri[0]}</span> : null}
      </label>
      <label className="block text-xs font-medium text-ink-muted">
        SHA-256 of the document
        <input required value={sha256} onChange={(e) => setSha256(e.target.value)} pattern="[0-9a-fA-F]{64}" title="64 hexadecimal characters" className={`${inputClass} font-mono`} aria-invalid={Boolean(message?.fields?.sha256)} />
        {message?.fields?.sha256 ? <span className="text-danger">{message.fields.sha256[0]}</span> : null}
      </label>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60">
          {pending ? 'Attaching…' : 'Attach'}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="px-2 text-sm text-ink-muted hover:text-ink">
          Cancel
        </button>
      </div>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`text-sm ${message.kind === 'error' ? 'text-danger' : 'text-accent-strong'}`} data-testid="evidence-message">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
