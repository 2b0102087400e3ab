// The lineage explorer's search: what a person types — an engagement code or name, a
// correlation id, an invoice number — to the engagement threads it names, at most
// `limit`, exact matches first. Bounded: one query, no scan beyond the LIMIT's needs.
import { pgPool } from '../../db/client.ts';
import { isUuid } from '../shared/decimal-fields.ts';

export interface LineageThread {
  correlationId: string;
  engagementId: string | null;
  engagementCode: string | null;
  engagementName: string | null;
  clientName: string | null;
  /** Why it matched: 'correlation id', 'engagement code', 'engagement name', 'invoice INV-…'. */
  matched: string;
  /** The id, code or invoice number matched exactly (not a part of a code or name). */
  exact: boolean;
}

export async function findLineageThreads(options: { text: string; limit?: number }): Promise<LineageThread[]> {
  const text = options.text.trim();
  if (!text) return [];
  const limit = Math.min(options.limit ?? 20, 50);
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await pgPool().query<Omit<LineageThread, 'exact'> & { rank: number }>(
    `WITH hits AS (
       SELECT e."correlationId", 0 AS rank, 'correlation id' AS matched FROM "Engagement" e WHERE e."correlationId" = $1
       UNION ALL SELECT q."correlationId", 0, 'correlation id (quote)' FROM "Quote" q WHERE q."correlationId" = $1
       UNION ALL SELECT e."correlationId", 1, 'engagement code' FROM "Engagement" e WHERE lower(e.code) = lower($1)
       UNION ALL SELECT i."correlationId", 1, 'invoice ' || i.number FROM "Invoice" i WHERE i.number = $1
       UNION ALL SELECT e."correlationId", 2, 'engagement code' FROM "Engagement" e WHERE e.code ILIKE $2
       UNION ALL SELECT e."correlationId", 3, 'engagement name' FROM "Engagement" e WHERE e.name ILIKE $2
       UNION ALL SELECT e."correlationId", 4, 'client ' || c.name FROM "Engagement" e JOIN "Client" c ON c.id = e."clientId" WHERE c.name ILIKE $2
     ), best AS (
       SELECT DISTINCT ON ("correlationId") "correlationId", rank, matched FROM hits ORDER BY "correlationId", rank
     )
     SELECT b."correlationId" AS "correlationId", e.id::text AS "engagementId", e.code AS "engagementCode", e.name AS "engagementName",
            c.name AS "clientName", b.matched, b.rank
       FROM best b
       LEFT JOIN "Engagement" e ON e."correlationId" = b."correlationId"
       LEFT JOIN "Client" c ON c.id = e."clientId"
      ORDER BY b.rank, e.code NULLS LAST, b."correlationId"
      LIMIT $3`,
    [text, like, limit],
  );
  return rows.map(({ rank, ...thread }) => ({ ...thread, exact: rank <= 1 }));
}

/** The correlation id of an engagement named by its id or code; null when there is none. */
export async function correlationIdOfEngagement(ref: string): Promise<string | null> {
  const value = ref.trim();
  const { rows } = await pgPool().query<{ correlation_id: string }>(
    `SELECT "correlationId" AS correlation_id FROM "Engagement" WHERE ${isUuid(value) ? 'id = $1::uuid' : 'code = $1'}`,
    [value],
  );
  return rows[0]?.correlation_id ?? null;
}
