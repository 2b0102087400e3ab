// How an inbox event leaves the server (list, detail and the Inbox pages): times as ISO
// 8601, the sequence as a decimal string (a bigint does not survive JSON), the sending
// connector by code, and the exceptions it is linked to. latencyMs is the §10 processing
// latency (processedAt − receivedAt); null until the event is processed.
import type { Prisma } from '../../db/client.ts';
import type { InboxEventStatus } from '../../db/generated/enums.ts';

// A type (not an interface) so route handlers can return it as JSON (Record<string, unknown>).
export type InboxEventView = {
  id: string;
  eventId: string;
  source: string;
  type: string;
  subject: string | null;
  sequence: string | null;
  correlationId: string | null;
  status: InboxEventStatus;
  attempts: number;
  receivedAt: string;
  processedAt: string | null;
  latencyMs: number | null;
  nextAttemptAt: string | null;
  parkedUntil: string | null;
  /** The last failure, or for a processed/superseded/held event the worker's note on it. */
  lastError: string | null;
  connector: string | null;
  exceptionIds: string[];
};

export const inboxEventViewSelect = {
  id: true,
  eventId: true,
  source: true,
  type: true,
  subject: true,
  sequence: true,
  correlationId: true,
  status: true,
  attempts: true,
  receivedAt: true,
  processedAt: true,
  nextAttemptAt: true,
  parkedUntil: true,
  lastError: true,
  connector: { select: { code: true } },
  exceptions: { select: { exceptionId: true }, orderBy: { linkedAt: 'asc' } },
} satisfies Prisma.InboxEventSelect;

type Row = Prisma.InboxEventGetPayload<{ select: typeof inboxEventViewSelect }>;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toInboxEventView(row: Row): InboxEventView {
  return {
    id: row.id,
    eventId: row.eventId,
    source: row.source,
    type: row.type,
    subject: row.subject,
    sequence: row.sequence?.toString() ?? null,
    correlationId: row.correlationId,
    status: row.status,
    attempts: row.attempts,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: iso(row.processedAt),
    latencyMs: row.processedAt ? row.processedAt.getTime() - row.receivedAt.getTime() : null,
    nextAttemptAt: iso(row.nextAttemptAt),
    parkedUntil: iso(row.parkedUntil),
    lastError: row.lastError,
    connector: row.connector?.code ?? null,
    exceptionIds: row.exceptions.map((e) => e.exceptionId),
  };
}
