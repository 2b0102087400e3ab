// Audit records of connector administration, written in the transaction of the change.
// Snapshots name the token by its display prefix and secrets by fingerprint: an audit
// trail is read by many people and must never hold a credential.
import type { Prisma } from '../../db/client.ts';
import { currentCorrelationId } from '../../log.ts';

/** Who made the change: a person (admin API) or a named system actor (`cli:<user>`, `dev-seed`). */
export type ConnectorActor = { type: 'USER'; id: string } | { type: 'SYSTEM'; id: string };

export async function auditConnectorChange(
  tx: Prisma.TransactionClient,
  change: { actor: ConnectorActor; connectorId: string; action: string; before: Prisma.InputJsonValue | null; after: Prisma.InputJsonValue; at: Date },
): Promise<void> {
  await tx.auditRecord.create({
    data: {
      at: change.at,
      actorType: change.actor.type,
      actorId: change.actor.id,
      entityType: 'Connector',
      entityId: change.connectorId,
      action: change.action,
      ...(change.before === null ? {} : { before: change.before }),
      after: change.after,
      correlationId: currentCorrelationId() ?? null,
    },
  });
}

export function connectorSnapshot(row: {
  code: string;
  name: string;
  kind: string;
  sources: string[];
  endpoint: string | null;
  ingestRateLimitPerMinute: number | null;
  active: boolean;
  tokenPrefix: string | null;
}): Prisma.InputJsonObject {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    sources: row.sources,
    endpoint: row.endpoint,
    ingestRateLimitPerMinute: row.ingestRateLimitPerMinute,
    active: row.active,
    tokenPrefix: row.tokenPrefix,
  };
}
