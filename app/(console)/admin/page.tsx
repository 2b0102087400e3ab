import type { Metadata } from 'next';
import Link from 'next/link';
import { pageAccess } from '@/lib/auth/page-access';
import { roleLabels } from '@/lib/auth/permissions';
import { listUsers } from '@/lib/queries/list-users';
import { consoleArea } from '@/components/layout/console-areas';
import { UsersTable } from '@/components/tables/users-table';
import { AccessDenied } from '@/components/ui/access-denied';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

const area = consoleArea('admin');

export const metadata: Metadata = { title: area.label };

export default async function AdminPage() {
  const { principal, allowed } = await pageAccess(area.permission);
  if (!allowed) return <AccessDenied area={area.label} roleLabel={roleLabels[principal.role]} />;
  const users = await listUsers();
  return (
    <>
      <PageHeader title={area.label} description={area.summary} />
      <section aria-labelledby="people-heading" className="mb-10">
        <h2 id="people-heading" className="mb-3 text-sm font-semibold text-ink">
          People <span className="font-normal text-ink-subtle">({users.length})</span>
        </h2>
        {users.length > 0 ? <UsersTable users={users} /> : <EmptyState title="No people yet">Nobody can sign in yet.</EmptyState>}
      </section>
      <section aria-labelledby="ownership-heading" className="mb-10">
        <h2 id="ownership-heading" className="mb-3 text-sm font-semibold text-ink">Data ownership rules</h2>
        <EmptyState title={area.empty.title}>{area.empty.body}</EmptyState>
      </section>
      <p className="text-sm text-ink-muted">
        Connector tokens and signing secrets are managed under{' '}
        <Link href="/connectors" className="font-medium text-accent hover:text-accent-strong">
          Connectors
        </Link>
        .
      </p>
    </>
  );
}
