// Points a connector at another base URL: the only URL Threadline ever calls for it
// (DESIGN.md §6, no SSRF). Audited with before/after; safe to repeat (the same endpoint
// again changes nothing and writes no audit record).
import { db } from '../../db/client.ts';
import { auditConnectorChange, type ConnectorActor } from './connector-audit.ts';
import { connectorEndpointSchema, parseConnectorInput } from './connector-rules.ts';
import { findConnectorForUpdate } from './find-connector-for-update.ts';

export interface SetConnectorEndpointResult {
  code: string;
  endpoint: string | null;
  previousEndpoint: string | null;
  changed: boolean;
}

export async function setConnectorEndpoint(options: { code: string; endpoint: string | null; actor: ConnectorActor; now?: Date }): Promise<SetConnectorEndpointResult> {
  const { code, actor, now = new Date() } = options;
  const endpoint = options.endpoint === null ? null : parseConnectorInput(connectorEndpointSchema, options.endpoint);

  return db().$transaction(async (tx) => {
    const connector = await findConnectorForUpdate(tx, code);
    if (connector.endpoint === endpoint) return { code, endpoint, previousEndpoint: connector.endpoint, changed: false };
    await tx.connector.update({ where: { id: connector.id }, data: { endpoint, updatedAt: now } });
    await auditConnectorChange(tx, {
      actor,
      connectorId: connector.id,
      action: 'connector.endpoint_changed',
      before: { endpoint: connector.endpoint },
      after: { endpoint },
      at: now,
    });
    return { code, endpoint, previousEndpoint: connector.endpoint, changed: true };
  });
}
