// People and their roles; an admin changes a role in place (audited by the service).
import { loadForPage } from '@/lib/http/load-for-page';
import { listUsers } from '@/lib/queries/list-users';
import { UsersTable } from '@/components/tables/users-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import type { ChangeRoleAction } from './role-form';

export async function PeopleSection({ changeRole }: { changeRole?: ChangeRoleAction }) {
  const loaded = await loadForPage('people', () => listUsers());
  if (!loaded.ok) return <ErrorState title="People could not be loaded">{loaded.message}</ErrorState>;
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading" className="mb-3 text-sm font-semibold text-ink">
        People <span className="font-normal text-ink-subtle">({loaded.data.length})</span>
      </h2>
      {loaded.data.length > 0 ? <UsersTable users={loaded.data} changeRole={changeRole} /> : <EmptyState title="No people yet">Nobody can sign in yet.</EmptyState>}
      <p className="mt-2 text-xs text-ink-muted">A new role applies to personal API tokens at once and to a browser session from its next sign-in.</p>
    </section>
  );
}
