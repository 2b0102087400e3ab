// The people who can sign in; with `changeRole` (ADMIN) each row can change its role.
import type { UserSummary } from '@/lib/queries/list-users';
import { RoleForm, type ChangeRoleAction } from '@/components/admin/role-form';
import { RoleBadge } from '@/components/ui/role-badge';
import { DateText } from '@/components/ui/date-text';

export function UsersTable({ users, changeRole }: { users: UserSummary[]; changeRole?: ChangeRoleAction }) {
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
            {changeRole ? <th scope="col" className="px-4 py-2 font-medium">Change role</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row">
              <td className="px-4 py-2 font-medium text-ink">{user.name}</td>
              <td className="px-4 py-2 text-ink-muted">{user.email}</td>
              <td className="px-4 py-2">
                <RoleBadge role={user.role} />
              </td>
              <td className="px-4 py-2 text-ink-muted">{user.active ? 'Active' : 'Deactivated'}</td>
              <td className="px-4 py-2 text-ink-muted tabular-nums"><DateText value={user.lastSignInAt} kind="instant" fallback="Never" /></td>
              {changeRole ? (
                <td className="px-4 py-2">
                  <RoleForm key={user.role} userId={user.id} email={user.email} role={user.role} changeRole={changeRole} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
