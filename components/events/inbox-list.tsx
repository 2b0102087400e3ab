// The Inbox widget: one page of events for the URL's filters and cursor, or its empty or
// error state.
import Link from 'next/link';
import { inboxParams } from '@/lib/http/schemas/console-list-params';
import { loadForPage } from '@/lib/http/load-for-page';
import { listInboxEvents } from '@/lib/queries/inbox/list-inbox-events';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import { InboxTable } from './inbox-table';

const resetLink = (
  <Link href="/events" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show every event
  </Link>
);

export async function InboxList({ params }: { params: URLSearchParams }) {
  const parsed = inboxParams(params);
  if (!parsed.ok) return <ErrorState title="This view cannot be shown" action={resetLink}>{parsed.message}</ErrorState>;
  const page = await loadForPage('inbox', () => listInboxEvents(parsed.query));
  if (!page.ok) return <ErrorState title={page.code === 'INTERNAL' ? 'The inbox could not be loaded' : 'This view cannot be shown'} action={resetLink}>{page.message}</ErrorState>;
  if (page.data.items.length === 0) {
    const filtered = [...params.entries()].some(([key, value]) => value !== '' && !(key === 'status' && value === 'any'));
    return filtered ? (
      <EmptyState title="No event matches these filters" action={resetLink}>Try another status, connector, type or subject.</EmptyState>
    ) : (
      <EmptyState title="No events received yet">Events appear here as soon as a connected system sends them to POST /api/v1/events.</EmptyState>
    );
  }
  return (
    <>
      <InboxTable items={page.data.items} />
      <Pager path="/events" params={params} nextCursor={page.data.nextCursor} />
    </>
  );
}
