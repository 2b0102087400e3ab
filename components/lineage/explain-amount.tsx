// "Explain this amount": mount it next to any invoice or revenue figure. It asks the API
// (invoice or revenue-entry explanation) only when opened, and shows the arithmetic down
// to timesheet entries, hours × rate, rate card, tax and the events behind them.
'use client';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { InvoiceExplanation } from '@/lib/http/schemas/lineage';
import type { RevenueExplanation } from '@/lib/http/schemas/revenue-explanation';
import { ExplanationTree } from './explanation-tree';
import { fetchApi } from '@/components/ui/fetch-api';

type Target = { invoiceId: string; revenueEntryId?: never } | { revenueEntryId: string; invoiceId?: never };

export function explanationQuery(target: Target) {
  return target.invoiceId
    ? { queryKey: ['explanation', 'invoice', target.invoiceId] as const, queryFn: () => fetchApi<InvoiceExplanation>(`/api/v1/invoices/${encodeURIComponent(target.invoiceId)}/explanation`) }
    : { queryKey: ['explanation', 'revenue', target.revenueEntryId!] as const, queryFn: () => fetchApi<RevenueExplanation>(`/api/v1/revenue/entries/${encodeURIComponent(target.revenueEntryId!)}/explanation`) };
}

export function ExplainAmount(props: Target & { label?: string; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const panelId = useId();
  const target: Target = props.invoiceId ? { invoiceId: props.invoiceId } : { revenueEntryId: props.revenueEntryId! };
  return (
    <div data-testid="explain-amount">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-line-strong bg-surface px-2.5 py-1 text-xs font-medium text-accent hover:bg-accent-soft"
      >
        {open ? 'Hide the explanation' : (props.label ?? 'Explain this amount')}
      </button>
      {open ? (
        <div id={panelId} className="mt-2">
          <ExplanationPanel target={target} />
        </div>
      ) : null}
    </div>
  );
}

function ExplanationPanel({ target }: { target: Target }) {
  const query = useQuery<InvoiceExplanation | RevenueExplanation>(explanationQuery(target));
  const events = useMemo(() => new Map((query.data?.events ?? []).map((e) => [e.id, e])), [query.data]);
  if (query.isPending) {
    return (
      <p aria-busy="true" className="animate-pulse text-sm text-ink-muted">
        Working out where this amount comes from…
      </p>
    );
  }
  if (query.isError) {
    return (
      <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
        This amount could not be explained: {query.error.message}
      </p>
    );
  }
  return (
    <div className="rounded-card border border-line bg-surface p-3 shadow-card" data-testid="explanation">
      <p className="text-sm text-ink">{query.data.summary}</p>
      <ul className="mt-2 text-sm">
        <ExplanationTree node={query.data.tree} events={events} />
      </ul>
    </div>
  );
}
