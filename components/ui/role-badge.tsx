import { roleLabels } from '@/lib/auth/permissions';
import type { Role } from '@/lib/db/generated/enums';

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span data-testid="user-role" data-role={role} className="inline-flex items-center rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-strong">
      {roleLabels[role]}
    </span>
  );
}
