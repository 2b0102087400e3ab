// Every registered connector, by code, for the connectors page, the admin API and the CLI.
import { db } from '../../db/client.ts';
import { connectorViewSelect, toConnectorView, type ConnectorView } from './connector-view.ts';

// Connectors are configuration, counted in tens; the bound only guards against surprises.
const LIST_LIMIT = 500;

export async function listConnectors(options: { now?: Date } = {}): Promise<ConnectorView[]> {
  const { now = new Date() } = options;
  const rows = await db().connector.findMany({ orderBy: { code: 'asc' }, take: LIST_LIMIT, select: connectorViewSelect });
  return rows.map((row) => toConnectorView(row, now));
}
