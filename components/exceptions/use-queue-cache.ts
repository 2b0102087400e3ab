'use client';
// What an exception action does to the queue's cached pages in the browser. `reload`: read
// the shown view again from the API (bulk assign: the server renders nothing). `markStale`:
// the action's server render (revalidatePath) already brings the shown view and the side
// panel up to date, so the other cached views (other sorts, filters, pages) are only marked
// stale and read again when they are next shown, not fetched twice now.
import { useQueryClient } from '@tanstack/react-query';
import { EXCEPTION_QUEUE_KEY } from './exception-queue-query';

export function useQueueCache() {
  const queryClient = useQueryClient();
  return {
    reload: () => queryClient.invalidateQueries({ queryKey: EXCEPTION_QUEUE_KEY }),
    markStale: () => queryClient.invalidateQueries({ queryKey: EXCEPTION_QUEUE_KEY, refetchType: 'none' }),
  };
}
