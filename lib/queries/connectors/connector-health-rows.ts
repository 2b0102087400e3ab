// The connectors page's rows: each registered connector (what the table names, no
// credentials) with its health numbers, shaped as JSON (instants as ISO strings) so the
// server's prefetch and GET /api/v1/connector-health hand the browser the same data.
import type { SystemKind } from '../../db/generated/enums.ts';
import { emptyConnectorHealth, getConnectorHealth, type ConnectorHealth } from './connector-health.ts';
import { listConnectors } from './list-connectors.ts';

export interface ConnectorHealthRow {
  connector: { id: string; code: string; name: string; kind: SystemKind; sources: string[]; active: boolean };
  health: Omit<ConnectorHealth, 'lastEventAt'> & { lastEventAt: string | null };
}

export async function listConnectorHealthRows(options: { now?: Date } = {}): Promise<ConnectorHealthRow[]> {
  const now = options.now ?? new Date();
  const [connectors, health] = await Promise.all([listConnectors({ now }), getConnectorHealth({ now })]);
  return connectors.map(({ id, code, name, kind, sources, active }) => {
    const h = health.get(id) ?? emptyConnectorHealth();
    return { connector: { id, code, name, kind, sources, active }, health: { ...h, lastEventAt: h.lastEventAt?.toISOString() ?? null } };
  });
}
