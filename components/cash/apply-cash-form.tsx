'use client';
// FINANCE applies a receipt's unapplied cash to a suggested invoice: the amount starts at
// what the suggestion would move and may be lowered. The receipt's unapplied amount as
// shown travels with it, so a second click (or a colleague's change) is refused rather
// than applied twice. The page revalidates: the receipt's balance and suggestions update.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';

export type ApplyCash = (input: { receiptId: string; invoiceId: string; amount: string; expectedUnapplied: string }) => Promise<ActionResult<{ invoiceNumber: string; balanceDue: string; unapplied: string; currency: string }>>;

export function ApplyCashForm({ receiptId, invoiceId, invoiceNumber, amount, expectedUnapplied, apply }: { receiptId: string; invoiceId: string; invoiceNumber: string; amount: string; expectedUnapplied: string; apply: ApplyCash }) {
  const [value, setValue] = useState(amount);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (message?.kind === 'ok') return <p role="status" className="text-sm text-accent-strong" data-testid="apply-message">{message.text}</p>;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={`Apply cash to invoice ${invoiceNumber}`}
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await apply({ receiptId, invoiceId, amount: value.trim(), expectedUnapplied });
          if (!result.ok) return setMessage({ kind: 'error', text: result.error.fieldErrors?.amount?.[0] ?? result.error.message });
          const d = result.data;
          setMessage({ kind: 'ok', text: `Applied to ${d.invoiceNumber}: its balance is ${d.balanceDue} ${d.currency}; ${d.unapplied} ${d.currency} left unapplied.` });
        });
      }}
    >
      <label className="text-xs text-ink-muted">
        <span className="sr-only">Amount to apply to {invoiceNumber}</span>
        <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" required pattern="\d+(\.\d+)?" className="money w-32 rounded-md border border-line-strong bg-surface px-2 py-1 text-right text-sm text-ink" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-2.5 py-1 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60">
        {pending ? 'Applying…' : 'Apply'}
      </button>
      {message ? <p role="alert" className="w-full text-sm text-danger">{message.text}</p> : null}
    </form>
  );
}
