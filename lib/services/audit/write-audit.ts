// The append-only audit trail (DESIGN.md §3): who changed what, before and after, and the
// correlation id and inbox event behind it. Always written inside the caller's
// transaction, so the record exists exactly when the change does. The database refuses
// UPDATE and DELETE on AuditRecord (trigger in the first migration).
import type { Prisma } from '../../db/client.ts';
import type { ActorType, EntityType } from '../../db/generated/enums.ts';
import { toJsonSafe } from './to-json-safe.ts';

export interface AuditActor {
  type: ActorType;
  /** User.id, Connector.id, or the name of the system part (e.g. "worker"). */
  id?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  entityType: EntityType;
  entityId: string;
  /** A verb on the entity, e.g. "exception.resolved", "invoice.issued". */
  action: string;
  before?: unknown;
  after?: unknown;
  correlationId?: string | null;
  /** InboxEvent.id, when an event caused the change. */
  eventId?: string | null;
  /** Defaults to the database clock (the transaction's start). */
  at?: Date;
}

export interface WrittenAudit {
  id: string;
  at: Date;
}

export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<WrittenAudit> {
  return tx.auditRecord.create({ data: toRow(entry), select: { id: true, at: true } });
}

/** Many records in one INSERT (e.g. every line of an invoice run). Returns how many. */
export async function writeAuditMany(tx: Prisma.TransactionClient, entries: readonly AuditEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  // One JSON parameter rather than createMany's ten bound values a row (see link-lineage.ts).
  return tx.$executeRawUnsafe(
    `INSERT INTO "AuditRecord" (id, at, "actorType", "actorId", "entityType", "entityId", action, before, after, "correlationId", "eventId")
     SELECT gen_random_uuid(), coalesce(x.at, CURRENT_TIMESTAMP), x."actorType", x."actorId", x."entityType", x."entityId", x.action, x.before, x.after, x."correlationId", x."eventId"
       FROM jsonb_to_recordset($1::jsonb) AS x(at timestamptz, "actorType" "ActorType", "actorId" text, "entityType" "EntityType", "entityId" text, action text, before jsonb, after jsonb, "correlationId" text, "eventId" uuid)`,
    JSON.stringify(entries.map(toRow)),
  );
}

/**
 * One audit record as a VALUES row for hand-written SQL, its parameters numbered from
 * `first`: a hot path (the inbox processor's master-data writes) folds the record into a
 * statement it runs anyway instead of paying a round trip for it. Same checks and JSON as
 * writeAudit.
 */
export function auditInsertRow(entry: AuditEntry, first: number): { columns: string; row: string; values: unknown[] } {
  const r = toRow(entry);
  const jsonText = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  const n = (i: number) => `$${first + i}`;
  return {
    columns: `id, "actorType", "actorId", "entityType", "entityId", action, before, after, "correlationId", "eventId", at`,
    row: `gen_random_uuid(), ${n(0)}::"ActorType", ${n(1)}, ${n(2)}::"EntityType", ${n(3)}, ${n(4)}, ${n(5)}::jsonb, ${n(6)}::jsonb, ${n(7)}, ${n(8)}::uuid, COALESCE(${n(9)}::timestamptz, now())`,
    values: [r.actorType, r.actorId, r.entityType, r.entityId, r.action, jsonText(r.before), jsonText(r.after), r.correlationId, r.eventId, r.at ?? null],
  };
}

function toRow(entry: AuditEntry): Prisma.AuditRecordCreateManyInput {
  if (!entry.action.trim()) throw new TypeError('An audit record needs an action.');
  if (!entry.entityId) throw new TypeError('An audit record needs the entity id.');
  return {
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: json(entry.before),
    after: json(entry.after),
    correlationId: entry.correlationId ?? null,
    eventId: entry.eventId ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  };
}

// Absent (undefined or null) is SQL NULL; anything else is stored as JSON.
function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return toJsonSafe(value) as Prisma.InputJsonValue;
}
