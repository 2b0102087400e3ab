// The landing page: who you are here, what your role can do, and the areas open to you —
// each with its honest state (no invented numbers).
import type { Metadata } from 'next';
import Link from 'next/link';
import { pageAccess } from '@/lib/auth/page-access';
import { can, permissionDescriptions, permissionsFor, roleLabels } from '@/lib/auth/permissions';
import { consoleArea, consoleAreas } from '@/components/layout/console-areas';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const { principal } = await pageAccess('kpis:read');
  const areas = consoleAreas.filter((area) => area.slug !== 'dashboard' && can(principal.role, area.permission));
  const kpis = consoleArea('dashboard');
  return (
    <>
      <header className="mb-8">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Welcome, {principal.name}</h1>
        <p className="mt-1 text-sm text-ink-muted">
          You are signed in as <span className="font-medium text-ink">{roleLabels[principal.role]}</span>.
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="kpis-heading" className="lg:col-span-2">
          <h2 id="kpis-heading" className="mb-3 text-sm font-semibold text-ink">Key figures</h2>
          <EmptyState title={kpis.empty.title}>{kpis.empty.body}</EmptyState>
        </section>
        <section aria-labelledby="can-heading" className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="role-capabilities">
          <h2 id="can-heading" className="text-sm font-semibold text-ink">What you can do here</h2>
          <ul className="mt-3 space-y-1.5 text-sm text-ink-muted">
            {permissionsFor(principal.role).map((permission) => (
              <li key={permission} className="flex gap-2">
                <span aria-hidden="true" className="text-accent">•</span>
                {permissionDescriptions[permission]}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="areas-heading" className="mt-10">
        <h2 id="areas-heading" className="mb-3 text-sm font-semibold text-ink">Your areas</h2>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {areas.map((area) => (
            <Link
              key={area.slug}
              href={area.href}
              data-testid={`area-card-${area.slug}`}
              className="group rounded-card border border-line bg-surface p-5 shadow-card transition-colors hover:border-accent"
            >
              <h3 className="font-medium text-ink group-hover:text-accent-strong">{area.label}</h3>
              <p className="mt-1 text-sm text-ink-muted">{area.summary}</p>
              <p className="mt-4 border-t border-line pt-3 text-sm text-ink-subtle">
                <span className="font-medium text-ink-muted">{area.empty.title}.</span> {area.empty.body}
              </p>
            </Link>
          ))}
        </div>
      </section>
    </>
  );
}
