// The lineage graph of an engagement thread (GET /api/v1/lineage/{correlationId},
// DESIGN.md §9): nodes are the canonical rows the thread's LineageLink rows connect, with
// what each is (one query per kind), the system and id it has outside, and the event
// behind it. A fixed number of queries whatever the size: thousands of nodes stay fast.
import { pgPool } from '../../db/client.ts';
import type { EntityType, LineageRelation } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import type { LineageEdge, LineageGraph, LineageNode } from '../../http/schemas/lineage.ts';
import { isUuid } from '../shared/decimal-fields.ts';
import { amountFormatter } from './format-amount.ts';
import { auditEventsOf, externalRefsOf, loadEvents, nodeKey } from './node-context.ts';
import { nodeQueries, type NodeRow } from './node-loaders.ts';

/** Kinds whose row always names the system it came from: no crosswalk lookup needed. */
const SELF_DESCRIBED = new Set<EntityType>(['TimeTransaction', 'Expense', 'UsageRecord', 'Quote', 'ChangeOrder', 'CashReceipt', 'CashRefund', 'Dispute', 'ExternalRef', 'Timesheet']);

/** An answer carries at most this many links; `truncated` says when a thread has more. */
export const MAX_LINEAGE_LINKS = 50_000;

interface LinkRow {
  from_type: EntityType;
  from_id: string;
  to_type: EntityType;
  to_id: string;
  relation: LineageRelation;
  amount: string | null;
  currency: string | null;
  event_id: string | null;
}

interface NodeDraft {
  kind: EntityType;
  entityId: string;
  /** The event of its earliest incoming link: null when that link had none, undefined for a root. */
  incomingEvent?: string | null;
  /** For a root: the event of its earliest outgoing link with one. */
  outgoingEvent?: string;
  row?: NodeRow;
}

export async function getLineage(options: { correlationId: string }): Promise<LineageGraph> {
  const { correlationId } = options;
  const { rows } = await pgPool().query<LinkRow>(
    `SELECT "fromType"::text AS from_type, "fromId" AS from_id, "toType"::text AS to_type, "toId" AS to_id, relation::text AS relation,
            amount::text AS amount, currency::text AS currency, "eventId"::text AS event_id
       FROM "LineageLink" WHERE "correlationId" = $1 ORDER BY "createdAt", id LIMIT $2`,
    [correlationId, MAX_LINEAGE_LINKS + 1],
  );
  const links = rows.slice(0, MAX_LINEAGE_LINKS);
  const drafts = new Map<string, NodeDraft>();
  const draft = (kind: EntityType, entityId: string) => {
    const k = nodeKey(kind, entityId);
    let d = drafts.get(k);
    if (!d) drafts.set(k, (d = { kind, entityId }));
    return d;
  };
  for (const link of links) {
    const from = draft(link.from_type, link.from_id);
    const to = draft(link.to_type, link.to_id);
    // Links come oldest first: the first one into a node is the one that brought it in.
    if (to.incomingEvent === undefined) to.incomingEvent = link.event_id;
    if (link.event_id) from.outgoingEvent ??= link.event_id;
  }
  if (drafts.size === 0) await addThreadHead(correlationId, draft);

  const all = [...drafts.values()];
  // Everything a node needs is read at once: its row, the audit event when no link brought
  // it in, its id outside (for kinds whose row does not say where they came from), and
  // the events the links name; only events found through audit records need a second read.
  const linkEvents = new Set(links.flatMap((l) => (l.event_id ? [l.event_id] : [])));
  const [detailRows, auditEvents, refs, events] = await Promise.all([
    loadNodeRows(all),
    auditEventsOf(all.filter((d) => !d.incomingEvent)),
    externalRefsOf(all.filter((d) => !SELF_DESCRIBED.has(d.kind))),
    loadEvents(linkEvents),
  ]);
  for (const d of all) d.row = detailRows.get(nodeKey(d.kind, d.entityId));
  const auditOnly = [...new Set(auditEvents.values())].filter((id) => !linkEvents.has(id));
  if (auditOnly.length) events.push(...(await loadEvents(auditOnly)));

  // Ids are uuids, unique across kinds; only an external id shared by two kinds needs its kind to tell them apart.
  const kindsById = new Map<string, Set<string>>();
  for (const d of all) kindsById.set(d.entityId, (kindsById.get(d.entityId) ?? new Set()).add(d.kind));
  const idOf = (kind: string, entityId: string) => (kindsById.get(entityId)!.size > 1 ? `${kind}:${entityId}` : entityId);

  const format = amountFormatter();
  const edges: LineageEdge[] = links.map((l) => ({
    from: idOf(l.from_type, l.from_id),
    to: idOf(l.to_type, l.to_id),
    relation: l.relation,
    ...(l.amount !== null && l.currency ? { amount: format(l.amount, l.currency), currency: l.currency } : {}),
    ...(l.event_id ? { eventId: l.event_id } : {}),
  }));
  const timesheetSystems = timesheetSystemsOf(links, drafts);
  const nodes = all.map((d): LineageNode => {
    const k = nodeKey(d.kind, d.entityId);
    const { row } = d;
    const ref: { system: string; externalId?: string } | undefined = row?.system ? { system: row.system, externalId: row.external_id ?? undefined } : (refs.get(k) ?? timesheetSystems.get(k));
    // Brought in by an event, else created with one (audit); a root is known from what it started.
    const eventId = d.incomingEvent ?? auditEvents.get(k) ?? (d.incomingEvent === undefined ? d.outgoingEvent : undefined);
    return {
      id: idOf(d.kind, d.entityId),
      kind: d.kind,
      entityId: d.entityId,
      label: row?.label ?? `${d.kind} ${d.entityId}`,
      ...(row?.amount != null && row.currency ? { amount: format(row.amount, row.currency), currency: row.currency } : {}),
      ...(ref?.system ? { system: ref.system } : {}),
      ...(ref?.externalId ? { externalId: ref.externalId } : !isUuid(d.entityId) ? { externalId: d.entityId } : {}),
      ...(eventId ? { eventId } : {}),
      ...(row?.at ? { at: row.at.toISOString() } : {}),
    };
  });
  return { correlationId, nodes, edges, events, truncated: rows.length > MAX_LINEAGE_LINKS };
}

// A timesheet is not a row: it is known by its id in the time tool, the system its entries came from.
function timesheetSystemsOf(links: readonly LinkRow[], drafts: ReadonlyMap<string, NodeDraft>): Map<string, { system: string; externalId?: string }> {
  const systems = new Map<string, { system: string; externalId?: string }>();
  for (const l of links) {
    const pair = l.from_type === 'Timesheet' ? ([l.from_id, l.to_type, l.to_id] as const) : l.to_type === 'Timesheet' ? ([l.to_id, l.from_type, l.from_id] as const) : null;
    if (!pair || pair[1] !== 'TimeTransaction') continue;
    const system = drafts.get(nodeKey(pair[1], pair[2]))?.row?.system;
    if (system) systems.set(nodeKey('Timesheet', pair[0]), { system });
  }
  return systems;
}

async function loadNodeRows(drafts: readonly NodeDraft[]): Promise<Map<string, NodeRow>> {
  const idsByKind = new Map<EntityType, string[]>();
  for (const d of drafts) {
    if (!nodeQueries[d.kind] || !isUuid(d.entityId)) continue;
    const ids = idsByKind.get(d.kind);
    if (ids) ids.push(d.entityId);
    else idsByKind.set(d.kind, [d.entityId]);
  }
  const perKind = await Promise.all(
    [...idsByKind].map(async ([kind, ids]) => {
      const { rows } = await pgPool().query<NodeRow>(nodeQueries[kind]!, [ids]);
      return rows.map((row) => [nodeKey(kind, row.id), row] as const);
    }),
  );
  return new Map(perKind.flat());
}

// A thread whose workflows wrote no links yet still has its engagement (or quote): show it.
async function addThreadHead(correlationId: string, draft: (kind: EntityType, id: string) => NodeDraft): Promise<void> {
  const { rows } = await pgPool().query<{ kind: EntityType; id: string }>(
    `SELECT 'Engagement' AS kind, id::text AS id FROM "Engagement" WHERE "correlationId" = $1
     UNION ALL SELECT 'Quote', id::text FROM "Quote" WHERE "correlationId" = $1`,
    [correlationId],
  );
  if (rows.length === 0) throw new AppError('NOT_FOUND', `Nothing is recorded for correlation id ${correlationId}.`);
  for (const row of rows) draft(row.kind, row.id);
}
