'use client';
// The connectors table in the browser: the rows from the TanStack cache (the server
// prefetched them), refreshed every 30 seconds while the page is open, with the time of the
// figures shown; a failed refresh keeps the last figures and says so.
import { useQuery } from '@tanstack/react-query';
import { DateText } from '@/components/ui/date-text';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { connectorHealthQuery } from './connector-health-query';
import { ConnectorHealthTable } from './connector-health-table';

export function ConnectorHealthView() {
  const { data, error, dataUpdatedAt } = useQuery(connectorHealthQuery);
  if (!data) return error ? <ErrorState title="Connector health could not be loaded">{error.message}</ErrorState> : <TableSkeleton label="Loading connector health" rows={7} />;
  return (
    <div className="space-y-2">
      <p className="text-xs text-ink-muted" data-testid="connector-health-updated" aria-live="polite">
        Figures as of <DateText value={new Date(dataUpdatedAt)} kind="instant" /> · refreshed every 30 s
        {error ? <span className="ml-2 font-medium text-danger">The last refresh failed: {error.message}</span> : null}
      </p>
      <ConnectorHealthTable rows={data.items} />
    </div>
  );
}
