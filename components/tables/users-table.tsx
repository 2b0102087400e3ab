import type { UserSummary } from '@/lib/queries/list-users';
import { RoleBadge } from '@/components/ui/role-badge';
import { formatDateTime } from '@/components/ui/format-date';

export function UsersTable({ users }: { users: UserSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-card border border-line bg-surface shadow-card">
      <table className="w-full text-left text-sm" data-testid="users-table">
        <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-subtle">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Email</th>
            <th scope="col" className="px-4 py-2 font-medium">Role</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Last sign-in</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((user) => (
            <tr key={user.id}>
              <td className="px-4 py-2 font-medium text-ink">{user.name}</td>
              <td className="px-4 py-2 text-ink-muted">{user.email}</td>
              <td className="px-4 py-2">
                <RoleBadge role={user.role} />
              </td>
              <td className="px-4 py-2 text-ink-muted">{user.active ? 'Active' : 'Deactivated'}</td>
              <td className="px-4 py-2 text-ink-muted tabular-nums">{formatDateTime(user.lastSignInAt, 'Never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
