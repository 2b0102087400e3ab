// The chip line of a list page's active filters, each with × to remove it and a link that
// clears them all (the dashboard's drill-downs land here with several at once).
import { UrlLink } from './url-link';
import { pageHref } from './page-href';
import type { FilterChip } from './filter-chips-model';

export function FilterChips({ path, params, chips, shallow = false }: {
  path: string;
  params: URLSearchParams;
  chips: FilterChip[];
  /** The list's client view follows the URL: removing a filter is a shallow URL change (UrlLink). */
  shallow?: boolean;
}) {
  if (chips.length === 0) return null;
  const cleared = Object.fromEntries(chips.flatMap((c) => c.keys).map((k) => [k, null]));
  return (
    <div className="-mt-2 mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="filter-chips">
      <span className="text-ink-muted">Showing</span>
      <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
        {chips.map((chip) => (
          <li key={chip.keys.join()} className="inline-flex items-center gap-1 rounded-full border border-line bg-sunken py-0.5 pl-2.5 pr-1 text-ink" data-testid="filter-chip">
            <span data-testid="filter-chip-label">{chip.label}</span>
            <UrlLink
              shallow={shallow}
              href={pageHref(path, params, { ...Object.fromEntries(chip.keys.map((k) => [k, null])), cursor: null })}
              aria-label={`Remove filter: ${chip.label}`}
              className="rounded-full px-1.5 text-ink-muted hover:bg-surface hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
            >
              ×
            </UrlLink>
          </li>
        ))}
      </ul>
      <UrlLink shallow={shallow} href={pageHref(path, params, { ...cleared, cursor: null })} className="font-medium text-accent hover:text-accent-strong" data-testid="clear-filters">
        Clear filters
      </UrlLink>
    </div>
  );
}
