// Every personal API token with its owner; an admin revokes any of them (a leak, someone
// who left). Prefixes only: the tokens themselves are never stored.
import { loadForPage } from '@/lib/http/load-for-page';
import type { ActionResult } from '@/lib/http/action-result';
import { listAllApiTokens } from '@/lib/queries/list-all-api-tokens';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DateText } from '@/components/ui/date-text';
import { ActionButton } from './action-button';
import { DataTable } from '@/components/ui/data-table';

const tone = { active: 'accent', expired: 'muted', revoked: 'muted' } as const;

export async function TokensSection({ revoke }: { revoke: (input: { id: string }) => Promise<ActionResult<unknown>> }) {
  const loaded = await loadForPage('API tokens', () => listAllApiTokens());
  if (!loaded.ok) return <ErrorState title="API tokens could not be loaded">{loaded.message}</ErrorState>;
  if (loaded.data.length === 0) return <EmptyState title="No API tokens">People create personal API tokens under Settings → API tokens; they appear here.</EmptyState>;
  return (
    <DataTable
      testId="all-tokens-table"
      label="API tokens of everyone"
      columns={[{ label: 'Owner' }, { label: 'Name' }, { label: 'Prefix' }, { label: 'Status' }, { label: 'Created' }, { label: 'Last used' }, { label: 'Expires' }, { label: 'Actions', hidden: true }]}
    >
          {loaded.data.map((t) => (
            <tr key={t.id} data-testid="token-row">
              <td className="px-3 py-2 text-ink">{t.owner.email}</td>
              <td className="px-3 py-2 text-ink">{t.name}</td>
              <td className="px-3 py-2 font-mono text-xs text-ink-muted">{t.prefix}…</td>
              <td className="px-3 py-2">
                <Badge tone={tone[t.status]} testId="token-status">{t.status}</Badge>
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={t.createdAt} kind="instant" /></td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={t.lastUsedAt} kind="instant" fallback="Never" /></td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={t.expiresAt} kind="instant" fallback="Never" /></td>
              <td className="px-3 py-2 text-right">
                {t.status === 'active' ? <ActionButton label="Revoke" tone="danger" action={revoke} input={{ id: t.id }} confirm={`Revoke ${t.owner.email}'s token "${t.name}"? Tools using it stop working at once.`} /> : null}
              </td>
            </tr>
          ))}
    </DataTable>
  );
}
