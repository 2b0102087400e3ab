// Keyset pagination for a list page: "Next page" carries the opaque cursor of the last
// row shown; there is no page count (counting a large table on every view is not worth
// it), so the way back is to the first page.
import { UrlLink } from './url-link';
import { pageHref } from './page-href';

export function Pager({ path, params, nextCursor, shallow = false }: {
  path: string;
  params: URLSearchParams;
  nextCursor: string | null;
  /** The list's client view follows the URL: page without a server render (UrlLink). */
  shallow?: boolean;
}) {
  const onFirstPage = !params.get('cursor');
  if (onFirstPage && !nextCursor) return null;
  const link = 'rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent-strong';
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-end gap-3">
      {onFirstPage ? null : (
        <UrlLink shallow={shallow} scrollToTop href={pageHref(path, params, { cursor: null })} className={link}>
          First page
        </UrlLink>
      )}
      {nextCursor ? (
        <UrlLink shallow={shallow} scrollToTop href={pageHref(path, params, { cursor: nextCursor })} className={link} data-testid="next-page">
          Next page
        </UrlLink>
      ) : null}
    </nav>
  );
}
