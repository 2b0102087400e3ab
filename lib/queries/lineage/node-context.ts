// What lineage nodes need beyond their own row, each in one batched query for all nodes:
// the event that created a node when no lineage link says so (its earliest audit record
// with an event), the id a node has in a connected system (the id crosswalk), and the
// inbox events themselves.
import { pgPool } from '../../db/client.ts';
import type { LineageEvent } from '../../http/schemas/lineage.ts';
import { isUuid } from '../shared/decimal-fields.ts';

export interface NodeKey {
  kind: string;
  entityId: string;
}

const key = (kind: string, entityId: string) => `${kind}\u0000${entityId}`;

/** The event of each node's earliest audit record that has one, keyed by kind + id. */
export async function auditEventsOf(nodes: readonly NodeKey[]): Promise<Map<string, string>> {
  if (nodes.length === 0) return new Map();
  // unnest pairs the arrays; the (entityType, entityId, at) index serves each probe.
  const { rows } = await pgPool().query<{ kind: string; id: string; event_id: string }>(
    `SELECT DISTINCT ON (a."entityType", a."entityId") a."entityType"::text AS kind, a."entityId" AS id, a."eventId"::text AS event_id
       FROM unnest($1::"EntityType"[], $2::text[]) AS n(kind, id)
       JOIN "AuditRecord" a ON a."entityType" = n.kind AND a."entityId" = n.id
      WHERE a."eventId" IS NOT NULL
      ORDER BY a."entityType", a."entityId", a.at, a.id`,
    [nodes.map((n) => n.kind), nodes.map((n) => n.entityId)],
  );
  return new Map(rows.map((r) => [key(r.kind, r.id), r.event_id]));
}

/** The event that created each node: the event of its earliest incoming lineage link, else of its earliest audit record with one. */
export async function creationEventsOf(nodes: readonly NodeKey[]): Promise<Map<string, string>> {
  if (nodes.length === 0) return new Map();
  const { rows } = await pgPool().query<{ kind: string; id: string; event_id: string | null }>(
    `SELECT DISTINCT ON (l."toType", l."toId") l."toType"::text AS kind, l."toId" AS id, l."eventId"::text AS event_id
       FROM unnest($1::"EntityType"[], $2::text[]) AS n(kind, id)
       JOIN "LineageLink" l ON l."toType" = n.kind AND l."toId" = n.id
      ORDER BY l."toType", l."toId", l."createdAt", l.id`,
    [nodes.map((n) => n.kind), nodes.map((n) => n.entityId)],
  );
  // A node brought in by a link without an event (a billing run) was not created by one.
  const events = new Map(rows.flatMap((r) => (r.event_id === null ? [] : [[key(r.kind, r.id), r.event_id] as const])));
  const audited = await auditEventsOf(nodes.filter((n) => !events.has(key(n.kind, n.entityId))));
  return new Map([...audited, ...events]);
}

/** Each node's oldest id in a connected system, keyed by kind + id. */
export async function externalRefsOf(nodes: readonly NodeKey[]): Promise<Map<string, { system: string; externalId: string }>> {
  const rowNodes = nodes.filter((n) => isUuid(n.entityId));
  if (rowNodes.length === 0) return new Map();
  const { rows } = await pgPool().query<{ kind: string; id: string; system: string; external_id: string }>(
    `SELECT DISTINCT ON (r."entityType", r."entityId") r."entityType"::text AS kind, r."entityId"::text AS id, r.system, r."externalId" AS external_id
       FROM unnest($1::"EntityType"[], $2::uuid[]) AS n(kind, id)
       JOIN "ExternalRef" r ON r."entityType" = n.kind AND r."entityId" = n.id
      ORDER BY r."entityType", r."entityId", r."createdAt", r.id`,
    [rowNodes.map((n) => n.kind), rowNodes.map((n) => n.entityId)],
  );
  return new Map(rows.map((r) => [key(r.kind, r.id), { system: r.system, externalId: r.external_id }]));
}

export async function loadEvents(eventIds: Iterable<string>): Promise<LineageEvent[]> {
  const ids = [...new Set(eventIds)].filter(isUuid);
  if (ids.length === 0) return [];
  const { rows } = await pgPool().query<{ id: string; event_id: string; source: string; type: string; subject: string | null; received_at: Date }>(
    `SELECT id::text AS id, "eventId" AS event_id, source, type, subject, "receivedAt" AS received_at
       FROM "InboxEvent" WHERE id = ANY($1::uuid[]) ORDER BY "receivedAt", id`,
    [ids],
  );
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, source: r.source, type: r.type, subject: r.subject, receivedAt: r.received_at.toISOString() }));
}

export { key as nodeKey };
