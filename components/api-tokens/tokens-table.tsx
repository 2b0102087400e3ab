'use client';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { EmptyState } from '@/components/ui/empty-state';
import { DateText } from '@/components/ui/date-text';
import type { ApiTokenRow } from './api-tokens-panel';

const statusStyles: Record<ApiTokenRow['status'], string> = {
  active: 'bg-accent-soft text-accent-strong',
  expired: 'bg-warning-soft text-ink-muted',
  revoked: 'bg-sunken text-ink-subtle',
};

export type RevokeApiToken = (input: { id: string }) => Promise<ActionResult<{ id: string }>>;

export function TokensTable({ tokens, revokeAction }: { tokens: ApiTokenRow[]; revokeAction: RevokeApiToken }) {
  if (tokens.length === 0) {
    return <EmptyState title="No API tokens yet">Create one above to call the Threadline API from a script or tool.</EmptyState>;
  }
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid="api-tokens-table">
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-subtle">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Token</th>
            <th scope="col" className="px-4 py-2 font-medium">Created</th>
            <th scope="col" className="px-4 py-2 font-medium">Last used</th>
            <th scope="col" className="px-4 py-2 font-medium">Expires</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="api-token-row">
              <td className="px-4 py-2 font-medium text-ink">{token.name}</td>
              <td className="px-4 py-2 font-mono text-xs text-ink-muted">{token.prefix}…</td>
              <td className="px-4 py-2 text-ink-muted"><DateText value={token.createdAt} kind="instant-day" /></td>
              <td className="px-4 py-2 text-ink-muted"><DateText value={token.lastUsedAt} kind="instant" fallback="Never" /></td>
              <td className="px-4 py-2 text-ink-muted"><DateText value={token.expiresAt} kind="instant-day" fallback="Never" /></td>
              <td className="px-4 py-2">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusStyles[token.status]}`}>{token.status}</span>
              </td>
              <td className="px-4 py-2 text-right">{token.status === 'revoked' ? null : <RevokeButton token={token} revokeAction={revokeAction} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Two clicks, so a token in use by a script is not revoked by a slip of the mouse.
function RevokeButton({ token, revokeAction }: { token: ApiTokenRow; revokeAction: RevokeApiToken }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    setError(null);
    startTransition(async () => {
      const result = await revokeAction({ id: token.id });
      if (result.ok) setConfirming(false);
      else setError(result.error.message);
    });
  }

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-sm font-medium text-danger hover:underline" aria-label={`Revoke ${token.name}`}>
        Revoke
      </button>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={revoke} disabled={pending} className="rounded-md bg-danger px-2 py-1 text-xs font-medium text-on-accent disabled:opacity-60">
        {pending ? 'Revoking…' : 'Confirm revoke'}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="text-xs text-ink-muted hover:text-ink">Cancel</button>
      {error ? <span role="alert" className="text-xs text-danger">{error}</span> : null}
    </span>
  );
}
