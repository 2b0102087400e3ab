'use client';
// The "?" help of the queue's keyboard shortcuts: a native modal dialog (focus moves in,
// Escape closes, focus returns to where it was).
import { useEffect, useRef } from 'react';
import { triageShortcutKeys } from './use-triage-shortcuts';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="shortcuts-heading" className="m-auto w-full max-w-md rounded-card border border-line bg-surface p-5 text-ink shadow-card backdrop:bg-ink/30" data-testid="shortcuts-dialog">
      <h2 id="shortcuts-heading" className="text-base font-semibold">Keyboard shortcuts</h2>
      <dl className="mt-3 space-y-2 text-sm">
        {triageShortcutKeys.map(([keys, , meaning]) => (
          <div key={keys} className="flex gap-3">
            <dt className="w-24 shrink-0"><kbd className="rounded border border-line-strong bg-sunken px-1.5 py-0.5 font-mono text-xs">{keys}</kbd></dt>
            <dd className="text-ink-muted">{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-ink-muted">Shortcuts do nothing while you type in a field.</p>
      <form method="dialog" className="mt-4 text-right">
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong">Close</button>
      </form>
    </dialog>
  );
}
