import type { Metadata } from 'next';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { listApiTokens } from '@/lib/queries/list-api-tokens';
import { ApiTokensPanel, type ApiTokenRow } from '@/components/api-tokens/api-tokens-panel';
import { AccessDenied } from '@/components/ui/access-denied';
import { PageHeader } from '@/components/ui/page-header';
import { createApiTokenAction, revokeApiTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

export default async function ApiTokensPage() {
  const { principal, allowed } = await pageAccess('tokens:manage-own');
  if (!allowed) return <AccessDenied area="API tokens" roleLabel={roleLabels[principal.role]} />;
  const tokens: ApiTokenRow[] = (await listApiTokens({ userId: principal.userId })).map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    status: token.status,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  }));
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal API tokens let scripts and tools call the Threadline API as you, with your role ({roleLabels[principal.role]}). Send one as{' '}
            <code className="rounded bg-sunken px-1 py-0.5 font-mono text-xs">Authorization: Bearer tl_pat_…</code>. Revoke a token as soon as you no longer need it.
          </>
        }
      />
      <ApiTokensPanel tokens={tokens} createAction={createApiTokenAction} revokeAction={revokeApiTokenAction} />
    </>
  );
}
