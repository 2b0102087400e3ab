// The connectors page's data as a TanStack query: prefetched on the server, then refreshed
// in the browser from GET /api/v1/connector-health every 30 seconds, so integration ops can
// leave the page open and watch backlogs drain without reloading.
import type { ConnectorHealthRow } from '@/lib/queries/connectors/connector-health-rows';
import { fetchApi } from '@/components/ui/fetch-api';

export interface ConnectorHealthList {
  items: ConnectorHealthRow[];
}

export const CONNECTOR_HEALTH_REFRESH_MS = 30_000;

export const connectorHealthKey = ['connector-health'] as const;

export const connectorHealthQuery = {
  queryKey: connectorHealthKey,
  queryFn: () => fetchApi<ConnectorHealthList>('/api/v1/connector-health'),
  refetchInterval: CONNECTOR_HEALTH_REFRESH_MS,
};
