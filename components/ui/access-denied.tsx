// Shown in place of a page the signed-in role may not open. The navigation already hides
// such pages; this is what a typed or bookmarked URL gets.
import Link from 'next/link';

export function AccessDenied({ area, roleLabel }: { area: string; roleLabel: string }) {
  return (
    <section role="alert" data-testid="access-denied" className="mx-auto mt-16 max-w-md rounded-card border border-line bg-surface p-8 text-center shadow-card">
      <h1 className="text-lg font-semibold text-ink">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-ink-muted">
        {area} is not available to the {roleLabel} role. If you need it, ask an administrator to change your role.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-accent hover:text-accent-strong">
        Back to the dashboard
      </Link>
    </section>
  );
}
