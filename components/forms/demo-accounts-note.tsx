// A discreet note on the sign-in page of demo installations: which accounts exist and
// where their passwords are. Passwords themselves are never rendered.
import type { DemoAccountsHint } from '@/lib/queries/demo-accounts';
import { roleLabels } from '@/lib/auth/permissions';

export function DemoAccountsNote({ hint }: { hint: DemoAccountsHint }) {
  return (
    <aside aria-label="Demo accounts" data-testid="demo-accounts" className="mt-6 rounded-card border border-dashed border-line-strong px-4 py-3 text-xs text-ink-muted">
      <p className="font-medium text-ink">Demo installation</p>
      {hint.accounts.length > 0 ? (
        <ul className="mt-2 space-y-0.5">
          {hint.accounts.map((account) => (
            <li key={account.email} className="flex justify-between gap-3">
              <span className="font-mono">{account.email}</span>
              <span>{roleLabels[account.role]}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2">
        One account per role; passwords are in <code className="font-mono">{hint.credentialsFile}</code>.
      </p>
    </aside>
  );
}
