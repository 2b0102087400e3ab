// A connector's recent activity, each list its own widget with its own empty and error
// state: the last events it sent (the Inbox, filtered to it) and the last commands
// Threadline sent it.
import Link from 'next/link';
import { loadForPage } from '@/lib/http/load-for-page';
import { emptyConnectorHealth, getConnectorHealth } from '@/lib/queries/connectors/connector-health';
import { listConnectorCommands } from '@/lib/queries/connectors/list-connector-commands';
import { listInboxEvents } from '@/lib/queries/inbox/list-inbox-events';
import { InboxTable } from '@/components/events/inbox-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { ConnectorCommandsTable } from './connector-commands-table';
import { ConnectorHealthFigures } from './connector-health-figures';

const RECENT_EVENTS = 15;

export async function ConnectorHealthWidget({ connectorId, code }: { connectorId: string; code: string }) {
  const loaded = await loadForPage('connector health', async () => (await getConnectorHealth({ now: new Date() })).get(connectorId) ?? emptyConnectorHealth());
  if (!loaded.ok) return <ErrorState title="Health could not be loaded">{loaded.message}</ErrorState>;
  return <ConnectorHealthFigures code={code} health={loaded.data} />;
}

export async function ConnectorRecentEvents({ code }: { code: string }) {
  const loaded = await loadForPage('connector events', () => listInboxEvents({ connector: code, limit: RECENT_EVENTS }));
  if (!loaded.ok) return <ErrorState title="Recent events could not be loaded">{loaded.message}</ErrorState>;
  if (loaded.data.items.length === 0) return <EmptyState title="No events yet">Events this system sends to POST /api/v1/events appear here.</EmptyState>;
  return (
    <>
      <InboxTable items={loaded.data.items} />
      {loaded.data.nextCursor ? (
        <Link href={`/events?connector=${encodeURIComponent(code)}`} className="mt-2 inline-block text-sm font-medium text-accent hover:text-accent-strong">
          All events from {code} in the Inbox
        </Link>
      ) : null}
    </>
  );
}

export async function ConnectorRecentCommands({ connectorId }: { connectorId: string }) {
  const loaded = await loadForPage('connector commands', () => listConnectorCommands({ connectorId }));
  if (!loaded.ok) return <ErrorState title="Recent commands could not be loaded">{loaded.message}</ErrorState>;
  if (loaded.data.length === 0) return <EmptyState title="No commands sent">Commands Threadline sends this system (create customer, post invoice …) appear here with their attempts.</EmptyState>;
  return <ConnectorCommandsTable commands={loaded.data} />;
}
