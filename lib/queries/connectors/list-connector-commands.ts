// A connector's most recent outbox commands, newest first, with their delivery state:
// attempts, failures, the last error and the last attempt's HTTP status and duration —
// what integration ops looks at when a system stops accepting commands. Bounded by `limit`
// and served by the (connectorId, createdAt) index.
import { db } from '../../db/client.ts';
import type { EntityType, OutboxCommandKind, OutboxCommandStatus } from '../../db/generated/enums.ts';

export const RECENT_COMMANDS = 20;

export interface ConnectorCommandView {
  id: string;
  kind: OutboxCommandKind;
  status: OutboxCommandStatus;
  attempts: number;
  failures: number;
  lastError: string | null;
  lastHttpStatus: number | null;
  lastDurationMs: number | null;
  entityType: EntityType | null;
  entityId: string | null;
  correlationId: string | null;
  causedByEventId: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  deadAt: Date | null;
}

export async function listConnectorCommands(options: { connectorId: string; limit?: number }): Promise<ConnectorCommandView[]> {
  const limit = Math.min(Math.max(options.limit ?? RECENT_COMMANDS, 1), 100);
  const rows = await db().outboxCommand.findMany({
    where: { connectorId: options.connectorId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true, kind: true, status: true, attempts: true, failures: true, lastError: true, entityType: true, entityId: true, correlationId: true, causedByEventId: true,
      createdAt: true, nextAttemptAt: true, deliveredAt: true, deadAt: true,
      attemptLog: { orderBy: { attemptNo: 'desc' }, take: 1, select: { httpStatus: true, durationMs: true } },
    },
  });
  return rows.map(({ attemptLog, ...command }) => ({ ...command, lastHttpStatus: attemptLog[0]?.httpStatus ?? null, lastDurationMs: attemptLog[0]?.durationMs ?? null }));
}
