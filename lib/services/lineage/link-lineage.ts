// Lineage edges (DESIGN.md §9), written by workflows in the same transaction as the rows
// they connect. Direction is always upstream → downstream (cause → result). An edge is
// unique per (from, to, relation) and the insert is ON CONFLICT DO NOTHING, so a replay
// writes nothing new and the first event that drew an edge stays its eventId.
import type { EntityType, LineageRelation } from '../../db/generated/enums.ts';
import type { Tx } from '../../workflows/workflow.ts';

export interface LineageNode {
  type: EntityType;
  /** The canonical uuid, or an external id where no row exists. */
  id: string;
}

export interface LineageEdge {
  from: LineageNode;
  to: LineageNode;
  relation: LineageRelation;
  /** The money that flowed along the edge, so a figure can be explained down to its sources. */
  amount?: string | null;
  currency?: string | null;
  /** InboxEvent.id of the event that drew the edge. */
  eventId?: string | null;
  correlationId: string;
}

/** Writes the edges not there yet; returns how many were new. */
export async function linkLineage(tx: Tx, edges: readonly LineageEdge[]): Promise<number> {
  if (edges.length === 0) return 0;
  for (const edge of edges) {
    if (!edge.correlationId) throw new TypeError('A lineage edge needs the correlation id of its thread.');
    if (!edge.from.id || !edge.to.id) throw new TypeError('A lineage edge needs both node ids.');
    if ((edge.amount == null) !== (edge.currency == null)) throw new TypeError('A lineage amount needs its currency (and a currency its amount).');
  }
  // The edges as one JSON parameter: a billing run draws tens of thousands, and Prisma's
  // createMany spends far more CPU binding ten parameters a row than PostgreSQL spends on them.
  const rows = edges.map((edge) => ({
    fromType: edge.from.type,
    fromId: edge.from.id,
    toType: edge.to.type,
    toId: edge.to.id,
    relation: edge.relation,
    amount: edge.amount ?? null,
    currency: edge.currency ?? null,
    eventId: edge.eventId ?? null,
    correlationId: edge.correlationId,
  }));
  return tx.$executeRawUnsafe(
    `INSERT INTO "LineageLink" (id, "fromType", "fromId", "toType", "toId", relation, amount, currency, "eventId", "correlationId")
     SELECT gen_random_uuid(), x."fromType", x."fromId", x."toType", x."toId", x.relation, x.amount, x.currency, x."eventId", x."correlationId"
       FROM jsonb_to_recordset($1::jsonb) AS x("fromType" "EntityType", "fromId" text, "toType" "EntityType", "toId" text, relation "LineageRelation", amount numeric, currency text, "eventId" uuid, "correlationId" text)
     ON CONFLICT DO NOTHING`,
    JSON.stringify(rows),
  );
}
