// The console's top bar: who is signed in, with which role, their settings, and the way out.
import Link from 'next/link';
import type { Principal } from '@/lib/auth/principal';
import { RoleBadge } from '@/components/ui/role-badge';
import { SignOutButton } from './sign-out-button';

export function TopBar({ principal }: { principal: Principal }) {
  return (
    <header className="flex h-14 items-center justify-end gap-4 border-b border-line bg-surface px-4 sm:px-6">
      <div className="flex items-center gap-3" data-testid="user-menu" aria-label="Signed-in user">
        <div className="flex flex-col items-end leading-tight">
          <span className="text-sm font-medium text-ink" data-testid="user-name">
            {principal.name}
          </span>
          <span className="hidden text-xs text-ink-muted sm:block">{principal.email}</span>
        </div>
        <RoleBadge role={principal.role} />
        <Link href="/settings" className="whitespace-nowrap text-sm text-ink-muted hover:text-ink" data-testid="nav-settings">
          Settings
        </Link>
        <Link href="/settings/tokens" className="whitespace-nowrap text-sm text-ink-muted hover:text-ink" data-testid="nav-api-tokens">
          API tokens
        </Link>
        <SignOutButton />
      </div>
    </header>
  );
}
