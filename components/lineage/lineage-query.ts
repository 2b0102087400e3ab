// One key for a thread's lineage graph: the page prefetches it on the server and the
// explorer reads it (and refetches it) in the browser through GET /api/v1/lineage/{id}.
import type { LineageGraph } from '@/lib/http/schemas/lineage';
import { fetchApi } from '@/components/ui/fetch-api';

export const lineageQueryKey = (correlationId: string) => ['lineage', correlationId] as const;

export const lineageQuery = (correlationId: string) => ({
  queryKey: lineageQueryKey(correlationId),
  queryFn: () => fetchApi<LineageGraph>(`/api/v1/lineage/${encodeURIComponent(correlationId)}`),
});
