// The connectors widget's server half: reads every connector with its health numbers
// exactly as GET /api/v1/connector-health does and hands them to the browser's cache, where
// ConnectorHealthView shows and refreshes them; none registered is the empty state.
import { listConnectorHealthRows } from '@/lib/queries/connectors/connector-health-rows';
import { EmptyState } from '@/components/ui/empty-state';
import { PrefetchedWidget } from '@/components/ui/prefetched-widget';
import { connectorHealthKey } from './connector-health-query';
import { ConnectorHealthView } from './connector-health-view';

const noConnectors = (
  <EmptyState title="No connectors configured">
    Register a connected system with <code className="font-mono text-xs">npm run connector -- create</code> or the admin API; it appears here with its backlog and latency.
  </EmptyState>
);

export function ConnectorHealthList() {
  return (
    <PrefetchedWidget
      what="connector health"
      load={async () => ({ items: await listConnectorHealthRows() })}
      hydrate={(list) => [[connectorHealthKey, list]]}
      failedTitle="Connector health could not be loaded"
      empty={(list) => (list.items.length === 0 ? noConnectors : null)}
    >
      <ConnectorHealthView />
    </PrefetchedWidget>
  );
}
