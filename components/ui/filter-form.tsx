// The filters of a list page: a plain GET form, so every filtered view is a URL (works
// without JavaScript, can be bookmarked and shared). Changing a filter starts at page one.
import Link from 'next/link';
import type { FormEventHandler, ReactNode } from 'react';

export function FilterForm({ action, label, children, keep, testId, resetHref, onSubmit }: {
  action: string;
  label: string;
  children: ReactNode;
  keep?: Record<string, string | null>;
  testId?: string;
  resetHref?: string;
  /** With JavaScript, instead of a GET navigation (a client view's shallowFilterSubmit). */
  onSubmit?: FormEventHandler<HTMLFormElement>;
}) {
  return (
    <form method="get" action={action} onSubmit={onSubmit} aria-label={label} className="mb-4 flex flex-wrap items-end gap-3" data-testid={testId}>
      {children}
      {Object.entries(keep ?? {}).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong">
        Apply
      </button>
      <Link href={resetHref ?? action} className="px-1 py-1.5 text-sm text-ink-muted hover:text-ink">
        Reset
      </Link>
    </form>
  );
}

// One select for every filter form (components/ui/filter-select.tsx).
export { FilterSelect } from './filter-select';

export function FilterText({ name, label, value, placeholder }: { name: string; label: string; value: string; placeholder?: string }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
      {label}
      <input type="search" name={name} defaultValue={value} placeholder={placeholder} className="w-56 rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink" />
    </label>
  );
}
