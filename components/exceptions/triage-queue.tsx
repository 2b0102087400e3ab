'use client';
// The queue's page of exceptions as a person triages it: checkboxes and "Assign to me"
// for bulk assign (one server call, each exception audited), a side panel opened by
// "Preview" or the keyboard (?selected=<id> in the URL, so the view can be shared), and
// the keyboard shortcuts of use-triage-shortcuts. The server checks every action again.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import type { ExceptionView } from '@/lib/queries/exceptions/exception-view';
import { pageHref } from '@/components/ui/page-href';
import type { PerformExceptionAction } from './exception-actions-panel';
import { ExceptionQueueTable } from './exception-queue-table';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useQueueCache } from './use-queue-cache';
import { useTriageShortcuts, type TriageShortcut } from './use-triage-shortcuts';

export type BulkAssign = (input: { action: 'assign'; exceptionIds: string[] }) => Promise<ActionResult<{ assigned: number; alreadyDone: number; failed: number; failures: string[] }>>;

export function TriageQueue({ items, now, query, panelId, canTriage, canReplay, assign, perform }: {
  items: ExceptionView[];
  /** When the page was read (ISO 8601): ages are counted from it. */
  now: string;
  /** The page's search params as a string (client props must be plain). */
  query: string;
  panelId: string | null;
  canTriage: boolean;
  canReplay: boolean;
  assign: BulkAssign;
  perform: PerformExceptionAction;
}) {
  const router = useRouter();
  const queueCache = useQueueCache();
  const params = new URLSearchParams(query);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(panelId && items.some((e) => e.id === panelId) ? panelId : null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  const preview = (id: string) => router.push(pageHref('/exceptions', params, { selected: id }), { scroll: false });
  const check = (id: string, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  function move(step: 1 | -1) {
    const index = items.findIndex((e) => e.id === activeId);
    const next = items[index === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(Math.max(index + step, 0), items.length - 1)];
    if (!next) return;
    setActiveId(next.id);
    const link = document.querySelector<HTMLElement>(`tr[data-exception-id="${next.id}"] [data-testid="exception-link"]`);
    link?.focus();
    link?.scrollIntoView({ block: 'nearest' });
  }

  function assignToMe() {
    const ids = checked.size > 0 ? [...checked] : activeId ? [activeId] : [];
    if (!canTriage) return setMessage({ kind: 'error', text: 'Your role cannot assign exceptions.' });
    if (ids.length === 0) return setMessage({ kind: 'error', text: 'Select exceptions first (x or the checkboxes), or move to one with j and k.' });
    setMessage(null);
    startTransition(async () => {
      const result = await assign({ action: 'assign', exceptionIds: ids });
      if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
      const { assigned, alreadyDone, failed, failures } = result.data;
      const parts = [`Assigned ${assigned} to you.`, alreadyDone ? `${alreadyDone} already were.` : '', failed ? `${failed} could not be: ${failures[0]}` : ''];
      setMessage({ kind: failed ? 'error' : 'ok', text: parts.filter(Boolean).join(' ') });
      setChecked(new Set());
      // The queue reads its pages again from the API (an assigned exception leaves
      // "unassigned" and joins "mine"); the side panel is rendered on the server, so it is
      // refreshed only when it shows one of the assigned exceptions.
      void queueCache.reload();
      if (panelId && ids.includes(panelId)) router.refresh();
    });
  }

  function replay() {
    if (!canReplay) return setMessage({ kind: 'error', text: 'Your role cannot replay events.' });
    if (!activeId) return setMessage({ kind: 'error', text: 'Move to an exception first (j and k).' });
    setMessage(null);
    startTransition(async () => {
      const result = await perform({ exceptionId: activeId, action: 'replay' });
      if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
      setMessage({ kind: 'ok', text: `Replayed: ${result.data.requeued ?? 0} event(s) went back to the inbox.` });
      void queueCache.markStale();
    });
  }

  useTriageShortcuts((shortcut: TriageShortcut) => {
    if (shortcut === 'next') move(1);
    else if (shortcut === 'previous') move(-1);
    else if (shortcut === 'open' && activeId) preview(activeId);
    else if (shortcut === 'select' && activeId) check(activeId, !checked.has(activeId));
    else if (shortcut === 'assign') assignToMe();
    else if (shortcut === 'replay') replay();
    else if (shortcut === 'help') setHelpOpen(true);
  });

  return (
    <div className="space-y-3" data-testid="triage-queue">
      <div className="flex flex-wrap items-center gap-3 text-sm" role="group" aria-label="Bulk actions">
        <span className="text-ink-muted" data-testid="selected-count">{checked.size} selected</span>
        {canTriage ? (
          <button type="button" disabled={pending || checked.size === 0} onClick={assignToMe} className="rounded-md bg-accent px-3 py-1.5 font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60" data-testid="bulk-assign">
            {pending ? 'Working…' : 'Assign selected to me'}
          </button>
        ) : null}
        <button type="button" onClick={() => setHelpOpen(true)} className="ml-auto text-ink-muted hover:text-ink" aria-keyshortcuts="?">
          Keyboard shortcuts <kbd className="rounded border border-line-strong bg-sunken px-1 font-mono text-xs">?</kbd>
        </button>
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${message?.kind === 'error' ? 'text-danger' : 'text-accent-strong'}`} data-testid="queue-message">
        {message?.text ?? ''}
      </p>
      <ExceptionQueueTable
        items={items}
        now={now}
        params={params}
        selection={{ checked, onCheck: check, onCheckAll: (on) => setChecked(on ? new Set(items.map((e) => e.id)) : new Set()), activeId, panelId, onPreview: preview, compact: panelId !== null }}
      />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
