// The connectors widget: the registered connectors with their health numbers, or its
// empty or error state.
import { loadForPage } from '@/lib/http/load-for-page';
import { emptyConnectorHealth, getConnectorHealth } from '@/lib/queries/connectors/connector-health';
import { listConnectors } from '@/lib/queries/connectors/list-connectors';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { ConnectorHealthTable } from './connector-health-table';

export async function ConnectorHealthList() {
  const now = new Date();
  const loaded = await loadForPage('connector health', async () => {
    const [connectors, health] = await Promise.all([listConnectors({ now }), getConnectorHealth({ now })]);
    return connectors.map((connector) => ({ connector, health: health.get(connector.id) ?? emptyConnectorHealth() }));
  });
  if (!loaded.ok) return <ErrorState title="Connector health could not be loaded">{loaded.message}</ErrorState>;
  if (loaded.data.length === 0) {
    return (
      <EmptyState title="No connectors configured">
        Register a connected system with <code className="font-mono text-xs">npm run connector -- create</code> or the admin API; it appears here with its backlog and latency.
      </EmptyState>
    );
  }
  return <ConnectorHealthTable rows={loaded.data} />;
}
