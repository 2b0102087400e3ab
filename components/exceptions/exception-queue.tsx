// The queue widget: reads one page of the queue for the URL's filters, sort and cursor,
// and shows the triage table, an empty state or an error state (with a way back to the
// default).
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import { exceptionQueueParams } from '@/lib/http/schemas/console-list-params';
import { loadForPage } from '@/lib/http/load-for-page';
import { listExceptions } from '@/lib/queries/exceptions/list-exceptions';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Pager } from '@/components/ui/pager';
import type { PerformExceptionAction } from './exception-actions-panel';
import { TriageQueue, type BulkAssign } from './triage-queue';

const resetLink = (
  <Link href="/exceptions" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show the default queue
  </Link>
);

export async function ExceptionQueue({ params, principal, assign, perform }: { params: URLSearchParams; principal: Principal; assign: BulkAssign; perform: PerformExceptionAction }) {
  const parsed = exceptionQueueParams(params);
  if (!parsed.ok) return <ErrorState title="This view cannot be shown" action={resetLink}>{parsed.message}</ErrorState>;
  const { assignee, ...filters } = parsed.query;
  const assigneeId = assignee === 'me' ? principal.userId : assignee === 'none' ? null : assignee;
  const page = await loadForPage('exception queue', () => listExceptions({ ...filters, assigneeId }));
  if (!page.ok) return <ErrorState title={page.code === 'INTERNAL' ? 'The queue could not be loaded' : 'This view cannot be shown'} action={resetLink}>{page.message}</ErrorState>;

  if (page.data.items.length === 0) {
    const filtered = [...params.entries()].some(([key, value]) => key !== 'sort' && key !== 'selected' && value !== '');
    return filtered ? (
      <EmptyState title="Nothing matches these filters" action={resetLink}>
        No exception has this combination of status, owner, recoverability, code, legal entity, connector and assignee.
      </EmptyState>
    ) : (
      <EmptyState title="No open exceptions">
        When an event cannot be processed it lands here with its owner, recoverability and the money it holds up.
      </EmptyState>
    );
  }
  return (
    <>
      <TriageQueue
        items={page.data.items}
        now={new Date().toISOString()}
        query={params.toString()}
        panelId={params.get('selected')}
        canTriage={can(principal.role, 'exceptions:triage')}
        canReplay={can(principal.role, 'exceptions:replay')}
        assign={assign}
        perform={perform}
      />
      <Pager path="/exceptions" params={params} nextCursor={page.data.nextCursor} />
    </>
  );
}
