'use client';
// An admin changes one person's role in place: choose, save, and the table shows the new
// role; a refusal (the last admin) is said next to the control.
import { useId, useState, useTransition } from 'react';
import type { Role } from '@/lib/db/generated/enums';
import type { ActionResult } from '@/lib/http/action-result';
import { roleLabels, roles } from '@/lib/auth/permissions';

export type ChangeRoleAction = (input: { userId: string; role: Role }) => Promise<ActionResult<unknown>>;

export function RoleForm({ userId, email, role, changeRole }: { userId: string; email: string; role: Role; changeRole: ChangeRoleAction }) {
  const [chosen, setChosen] = useState<Role>(role);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await changeRole({ userId, role: chosen });
          if (!result.ok) setError(result.error.message);
        });
      }}
    >
      <label htmlFor={id} className="sr-only">
        Role of {email}
      </label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value as Role)} className="rounded-md border border-line-strong bg-surface px-2 py-1 text-xs text-ink" data-testid="role-select">
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending || chosen === role} className="rounded-md border border-line-strong px-2.5 py-1 text-xs font-medium text-ink hover:border-accent disabled:opacity-50">
        Save
      </button>
      {error ? (
        <p role="alert" className="w-full text-xs text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
