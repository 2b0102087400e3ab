'use client';
// A link to another view of the same list (sort, page, filter). Plain, it is a Next.js link
// (the server renders the new view). `shallow` is for lists whose client view reads the URL
// and fetches through TanStack Query: the click only changes the address (history.pushState,
// which Next.js syncs into useSearchParams), so the rows come from the API and the cache
// without a server render. The href stays real: a new tab, a bookmark or a reload works.
import Link from 'next/link';
import type { MouseEvent, ReactNode } from 'react';

/** Changes the address without a server render; useSearchParams() follows it. */
export function pushUrl(href: string): void {
  window.history.pushState(null, '', href);
}

export function UrlLink({ href, shallow = false, scrollToTop = false, className, children, ...rest }: {
  href: string;
  shallow?: boolean;
  /** Shallow only: back to the top of the page (a new page of rows). */
  scrollToTop?: boolean;
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
  'aria-label'?: string;
}) {
  if (!shallow) return <Link href={href} className={className} {...rest}>{children}</Link>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window keeps the browser's own behaviour.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    pushUrl(href);
    if (scrollToTop) window.scrollTo({ top: 0 });
  };
  return (
    <a href={href} onClick={onClick} className={className} {...rest}>
      {children}
    </a>
  );
}
