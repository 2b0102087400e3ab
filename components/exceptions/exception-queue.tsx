// The queue widget's server half: parses the URL's filters, sort and cursor, reads the first
// page on the server (keyset, no count) and hands it to the browser's cache, where
// ExceptionQueueView shows it and fetches the next views from the API; a refused view or a
// failure is the error state, with a way back to the default queue.
import { can } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import { exceptionQueueParams } from '@/lib/http/schemas/console-list-params';
import { listExceptionQueue } from '@/lib/queries/exceptions/list-exception-queue';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import type { PerformExceptionAction } from './exception-actions-panel';
import { exceptionQueueKey, exceptionQueueSearch } from './exception-queue-query';
import { ExceptionQueueView } from './exception-queue-view';
import { queueResetLink } from './queue-reset-link';
import type { BulkAssign } from './triage-queue';

export function ExceptionQueue({ params, principal, assign, perform }: { params: URLSearchParams; principal: Principal; assign: BulkAssign; perform: PerformExceptionAction }) {
  return (
    <PrefetchedWidget
      what="exception queue"
      parsed={exceptionQueueParams(params)}
      // Read as GET /api/v1/exceptions reads it, so the cached page is the API's answer.
      load={(query) => listExceptionQueue({ query, userId: principal.userId })}
      hydrate={(page) => [[exceptionQueueKey(exceptionQueueSearch(params)), page]]}
      failedTitle="The queue could not be loaded"
      action={queueResetLink}
    >
      <ExceptionQueueView canTriage={can(principal.role, 'exceptions:triage')} canReplay={can(principal.role, 'exceptions:replay')} assign={assign} perform={perform} />
    </PrefetchedWidget>
  );
}
