'use client';
// The one moment a token's secret is visible: copy it now or create another later.
import { useState } from 'react';
import { DateText } from '@/components/ui/date-text';

export interface NewToken {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
}

export function NewTokenNotice({ token, onDismiss }: { token: NewToken; onDismiss: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the text stays selectable.
      setCopied('failed');
    }
  }

  return (
    <section role="status" data-testid="new-token" className="rounded-card border border-accent bg-accent-soft p-5">
      <h2 className="text-sm font-semibold text-ink">Token “{token.name}” created</h2>
      <p className="mt-1 text-sm text-ink-muted">
        Copy it now — you will not be able to see it again. {token.expiresAt ? (
          <>
            It expires on <DateText value={token.expiresAt} kind="instant-day" />.
          </>
        ) : (
          'It does not expire.'
        )}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="new-token-value" className="min-w-0 flex-1 select-all break-all rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-ink">
          {token.token}
        </code>
        <button type="button" onClick={copy} className="rounded-md bg-accent px-3 py-2 text-sm font-medium text-on-accent hover:bg-accent-strong">
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" onClick={onDismiss} className="rounded-md px-3 py-2 text-sm text-ink-muted hover:text-ink">
          Done
        </button>
      </div>
      {copied === 'failed' ? <p className="mt-2 text-sm text-ink-muted">Copying is blocked here; select the token and copy it by hand.</p> : null}
    </section>
  );
}
