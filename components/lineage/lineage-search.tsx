// The lineage explorer's search: a plain GET form (the search is a URL), and the threads
// a search found, each opening its explorer.
import Link from 'next/link';
import type { LineageThread } from '@/lib/queries/lineage/find-lineage-threads';

export function LineageSearchForm({ text }: { text: string }) {
  return (
    <form method="get" action="/lineage" role="search" aria-label="Find a thread" className="mb-6 flex flex-wrap items-end gap-3">
      <label className="flex min-w-80 flex-1 flex-col gap-1 text-xs font-medium text-ink-muted">
        Engagement code or name, correlation id, or invoice number
        <input
          name="q"
          type="search"
          defaultValue={text}
          required
          maxLength={200}
          placeholder="e.g. ENG-2026-0042, INV-US01-000123"
          className="rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-ink"
          data-testid="lineage-search"
        />
      </label>
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong">
        Trace
      </button>
    </form>
  );
}

export function LineageSearchResults({ threads }: { threads: LineageThread[] }) {
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-card border border-line bg-surface shadow-card" data-testid="lineage-results">
      {threads.map((t) => (
        <li key={t.correlationId} className="px-4 py-3" data-testid="lineage-result">
          <Link href={`/lineage?correlation=${encodeURIComponent(t.correlationId)}`} className="font-medium text-accent hover:text-accent-strong">
            {t.engagementCode ? `${t.engagementCode} ${t.engagementName ?? ''}` : `Thread ${t.correlationId}`}
          </Link>
          <p className="text-xs text-ink-muted">
            {t.clientName ? `${t.clientName} · ` : ''}matched on {t.matched} · <span className="font-mono">{t.correlationId}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
