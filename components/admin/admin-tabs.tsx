// The admin area's sections as tabs in the URL (?section=…), so each can be linked to.
import Link from 'next/link';

export const adminSections = [
  { key: 'people', label: 'People and roles' },
  { key: 'tokens', label: 'API tokens' },
  { key: 'ownership', label: 'Ownership rules' },
  { key: 'mappings', label: 'Mappings' },
  { key: 'periods', label: 'Accounting periods' },
] as const;

export type AdminSection = (typeof adminSections)[number]['key'];

export function adminSectionOf(value: string | undefined): AdminSection {
  return adminSections.find((s) => s.key === value)?.key ?? 'people';
}

export function AdminTabs({ current }: { current: AdminSection }) {
  return (
    <nav aria-label="Admin sections" className="mb-6 flex flex-wrap gap-1 border-b border-line pb-2">
      {adminSections.map((s) => (
        <Link
          key={s.key}
          href={s.key === 'people' ? '/admin' : `/admin?section=${s.key}`}
          aria-current={s.key === current ? 'page' : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${s.key === current ? 'bg-accent text-on-accent' : 'text-ink-muted hover:bg-sunken hover:text-ink'}`}
          data-testid={`admin-tab-${s.key}`}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
