// The SQL that finds one page of the queue: the ids and sort keys of the next `limit`
// rows after the cursor. "After the cursor" is split into disjoint segments, each an
// equality prefix plus one range (for the default order: same rank and impact with a
// greater id; same rank with a smaller impact; a greater rank). Each segment of each
// status is a range scan of the order's index (led by status), already in order, with its
// own LIMIT, so a deep page costs the same as the first; the outer ORDER BY merges them.
import { Prisma } from '../../db/client.ts';
import type { ExceptionStatus } from '../../db/generated/enums.ts';
import type { ExceptionPageFilters } from './list-exceptions.ts';
import type { KeyValue, SortColumn, SortField } from './exception-sort.ts';

const casts = { int: 'int', decimal: 'numeric', ratio: 'numeric', date: 'timestamptz', uuid: 'uuid', ownerTeam: '"OwnerTeam"' } as const;
const ident = (field: SortField) => Prisma.raw(`"${field}"`);
const literal = (c: SortColumn, value: string | number) => Prisma.sql`${value}::${Prisma.raw(casts[c.kind])}`;
const all = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`(${Prisma.join(parts, ' AND ')})` : Prisma.sql`TRUE`);

export interface PageQuery {
  columns: readonly SortColumn[];
  /** The cursor's key values; absent for the first page. */
  after?: readonly KeyValue[];
  filters: ExceptionPageFilters;
  /** The statuses asked for: one ordered index range each. */
  statuses: readonly ExceptionStatus[];
  limit: number;
}

export function pageKeysSql(q: PageQuery): Prisma.Sql {
  const segments = q.after ? keysetSegments(q.columns, q.after) : [Prisma.sql`TRUE`];
  const fields = Prisma.join(q.columns.map((c) => ident(c.field)), ', ');
  const order = Prisma.join(q.columns.map((c) => Prisma.sql`${ident(c.field)} ${Prisma.raw(c.direction === 'asc' ? 'ASC' : 'DESC')}`), ', ');
  const filters = filterConditions(q.filters);
  const branches = q.statuses.flatMap((status) =>
    segments.map((segment) => Prisma.sql`(SELECT ${fields} FROM "Exception" WHERE ${all([Prisma.sql`status = ${status}::"ExceptionStatus"`, ...filters, segment])} ORDER BY ${order} LIMIT ${q.limit})`),
  );
  return Prisma.sql`SELECT * FROM (${Prisma.join(branches, ' UNION ALL ')}) AS page ORDER BY ${order} LIMIT ${q.limit}`;
}

/**
 * The page's rows themselves, with their assignee's name, in the page's order: the keys'
 * query joined back to the table in the same statement (one snapshot, one round trip).
 */
export function pageRowsSql(q: PageQuery): Prisma.Sql {
  const order = Prisma.join(q.columns.map((c) => Prisma.sql`p.${ident(c.field)} ${Prisma.raw(c.direction === 'asc' ? 'ASC' : 'DESC')}`), ', ');
  return Prisma.sql`SELECT e.*, u.name AS "assigneeName" FROM (${pageKeysSql(q)}) AS p JOIN "Exception" e ON e.id = p.id LEFT JOIN "User" u ON u.id = e."assigneeId" ORDER BY ${order}`;
}

/** Disjoint conditions whose union is "strictly after these key values" in this order. */
export function keysetSegments(columns: readonly SortColumn[], values: readonly KeyValue[]): Prisma.Sql[] {
  const segments: Prisma.Sql[] = [];
  for (let k = columns.length - 1; k >= 0; k--) {
    const prefix = columns.slice(0, k).map((c, i) => equal(c, values[i] ?? null));
    for (const beyond of beyondOn(columns[k]!, values[k] ?? null)) segments.push(all([...prefix, beyond]));
  }
  return segments;
}

function equal(c: SortColumn, value: KeyValue): Prisma.Sql {
  return value === null ? Prisma.sql`${ident(c.field)} IS NULL` : Prisma.sql`${ident(c.field)} = ${literal(c, value)}`;
}

// Values after `value` on this one column; NULL counts as the largest value.
function beyondOn(c: SortColumn, value: KeyValue): Prisma.Sql[] {
  const f = ident(c.field);
  if (c.direction === 'asc') {
    if (value === null) return [];
    return [Prisma.sql`${f} > ${literal(c, value)}`, ...(c.nullable ? [Prisma.sql`${f} IS NULL`] : [])];
  }
  if (value === null) return [Prisma.sql`${f} IS NOT NULL`];
  return [Prisma.sql`${f} < ${literal(c, value)}`];
}

const uuidIn = (column: string, ids: readonly string[] | undefined) =>
  ids?.length ? [Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`] : [];

function filterConditions(f: ExceptionPageFilters): Prisma.Sql[] {
  const anyOf = <T extends string>(column: string, type: string, values: readonly T[] | undefined) =>
    values?.length ? [Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(values.map((v) => Prisma.sql`${v}::${Prisma.raw(type)}`))})`] : [];
  return [
    ...anyOf('code', '"ExceptionCode"', f.code),
    ...anyOf('"ownerTeam"', '"OwnerTeam"', f.owner),
    ...anyOf('recoverability', '"Recoverability"', f.recoverability),
    ...(f.assigneeId === null ? [Prisma.sql`"assigneeId" IS NULL`] : f.assigneeId !== undefined ? [Prisma.sql`"assigneeId" = ${f.assigneeId}::uuid`] : []),
    ...(f.correlationId ? [Prisma.sql`"correlationId" = ${f.correlationId}`] : []),
    ...(f.entityType ? [Prisma.sql`"entityType" = ${f.entityType}::"EntityType"`] : []),
    ...(f.entityId ? [Prisma.sql`"entityId" = ${f.entityId}`] : []),
    ...uuidIn('"legalEntityId"', f.legalEntityIds),
    ...uuidIn('"connectorId"', f.connectorIds),
  ];
}

