// A sortable column header: a link to the same list sorted by this column. The first
// click uses the column's natural direction (largest amounts first, earliest deadlines
// first); the next one reverses it. The page cursor is dropped: it belongs to one order.
import { UrlLink } from './url-link';
import { pageHref } from './page-href';

export function SortHeader({ label, field, firstDirection, path, params, align = 'left', className = '', shallow = false }: {
  label: string;
  field: string;
  firstDirection: 'asc' | 'desc';
  path: string;
  params: URLSearchParams;
  align?: 'left' | 'right';
  /** Extra classes, e.g. to show the column on wide screens only. */
  className?: string;
  /** The list's client view follows the URL: sort without a server render (UrlLink). */
  shallow?: boolean;
}) {
  const current = params.get('sort') ?? '';
  const direction = current === field ? 'asc' : current === `-${field}` ? 'desc' : null;
  const next = direction === null ? (firstDirection === 'desc' ? `-${field}` : field) : direction === 'asc' ? `-${field}` : field;
  return (
    <th scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} className={`px-3 py-2 font-medium ${align === 'right' ? 'text-right' : ''} ${className}`}>
      <UrlLink shallow={shallow} href={pageHref(path, params, { sort: next, cursor: null })} className="inline-flex items-center gap-1 hover:text-ink" data-testid={`sort-${field}`}>
        {label}
        <span aria-hidden="true">{direction === 'asc' ? '↑' : direction === 'desc' ? '↓' : '↕'}</span>
      </UrlLink>
    </th>
  );
}
