// The server half of a console widget the browser keeps fresh with TanStack Query
// (CONVENTIONS §10): the page's parameters (already parsed), one load on the server, a
// refusal or failure shown as the widget's error state, an empty result as its empty state,
// and otherwise the data put in the browser's cache under the keys its client view reads
// (HydrationBoundary), so the first paint already has the rows and no spinner.
import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { loadForPage } from '@/lib/http/load-for-page';
import { ErrorState } from './error-state';

type Parsed<Q> = { ok: true; query: Q } | { ok: false; message: string };

const NO_PARAMS: Parsed<undefined> = { ok: true, query: undefined };

export async function PrefetchedWidget<Q, T>({ what, parsed, load, hydrate, failedTitle, action, empty, children }: {
  /** What is loaded, for the log line of a failure ("exception queue"). */
  what: string;
  /** The widget's URL parameters as the page parsed them; a refusal is shown with its message. */
  parsed?: Parsed<Q>;
  load: (query: Q) => Promise<T>;
  /** The cache entries the client view reads: [its query key, the data under it]. */
  hydrate: (data: T, query: Q) => ReadonlyArray<readonly [QueryKey, unknown]>;
  /** The error state's title when the server failed (a refused view is "This view cannot be shown"). */
  failedTitle: string;
  /** The error state's way out (e.g. back to the unfiltered list). */
  action?: ReactNode;
  /** The empty state when the data has nothing to show, null otherwise; leave it out when the client view has its own. */
  empty?: (data: T, query: Q) => ReactNode;
  /** The client view; a function when it needs the parsed parameters. */
  children: ReactNode | ((query: Q) => ReactNode);
}) {
  const params = parsed ?? (NO_PARAMS as Parsed<Q>);
  if (!params.ok) return <ErrorState title="This view cannot be shown" action={action}>{params.message}</ErrorState>;
  const loaded = await loadForPage(what, () => load(params.query));
  if (!loaded.ok) return <ErrorState title={loaded.code === 'INTERNAL' ? failedTitle : 'This view cannot be shown'} action={action}>{loaded.message}</ErrorState>;
  const emptyState = empty?.(loaded.data, params.query);
  if (emptyState) return emptyState;
  const client = new QueryClient();
  for (const [key, data] of hydrate(loaded.data, params.query)) client.setQueryData(key, data);
  return <HydrationBoundary state={dehydrate(client)}>{typeof children === 'function' ? children(params.query) : children}</HydrationBoundary>;
}
