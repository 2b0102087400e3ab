'use client';
// The console's left navigation. The server decides which areas the role may see and
// passes their slugs; this component only highlights where the person is.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { consoleAreas, type ConsoleAreaSlug } from './console-areas';

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({ visible }: { visible: readonly ConsoleAreaSlug[] }) {
  const pathname = usePathname();
  const areas = consoleAreas.filter((area) => visible.includes(area.slug));
  return (
    <nav aria-label="Console" className="flex gap-0.5 overflow-x-auto px-3 md:flex-col" data-testid="console-nav">
      {areas.map((area) => {
        const active = isActive(pathname, area.href);
        return (
          <Link
            key={area.slug}
            href={area.href}
            data-testid={`nav-${area.slug}`}
            aria-current={active ? 'page' : undefined}
            className={`shrink-0 rounded-md px-3 py-2 text-sm transition-colors ${
              active ? 'bg-accent-soft font-medium text-accent-strong' : 'text-ink-muted hover:bg-sunken hover:text-ink'
            }`}
          >
            {area.label}
          </Link>
        );
      })}
    </nav>
  );
}
