// The exception queue (DESIGN.md §7): filters, one of the sort orders of exception-sort,
// and keyset pagination (never OFFSET: pages stay fast and stable while rows change).
// The page comes from exception-page-sql: its keys by index range scans per status and
// cursor segment, joined back to the rows and their assignees in the same statement.
import { db } from '../../db/client.ts';
import type { Exception } from '../../db/generated/client.ts';
import { ExceptionStatus, type EntityType, type ExceptionCode, type OwnerTeam, type Recoverability } from '../../db/generated/enums.ts';
import { decodeCursor, encodeCursor } from './exception-cursor.ts';
import { pageRowsSql } from './exception-page-sql.ts';
import { keyValues, sortColumns, type ExceptionSort } from './exception-sort.ts';
import { toExceptionView, type ExceptionView } from './exception-view.ts';

export const DEFAULT_EXCEPTION_PAGE_SIZE = 50;
export const MAX_EXCEPTION_PAGE_SIZE = 200;

export interface ExceptionFilters {
  status?: readonly ExceptionStatus[];
  code?: readonly ExceptionCode[];
  owner?: readonly OwnerTeam[];
  recoverability?: readonly Recoverability[];
  /** A user id, or null for the unassigned ones. */
  assigneeId?: string | null;
  correlationId?: string;
  entityType?: EntityType;
  entityId?: string;
  /** Legal entity codes (US01…). */
  legalEntity?: readonly string[];
  /** Connector codes (crm, erp…): the connector whose events or commands it concerns. */
  connector?: readonly string[];
}

/** The filters as the page SQL takes them: codes resolved to ids first (see listExceptions). */
export interface ExceptionPageFilters extends Omit<ExceptionFilters, 'legalEntity' | 'connector'> {
  legalEntityIds?: readonly string[];
  connectorIds?: readonly string[];
}

export interface ListExceptionsOptions extends ExceptionFilters {
  sort?: ExceptionSort;
  cursor?: string;
  limit?: number;
}

export interface ExceptionPage {
  items: ExceptionView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export async function listExceptions(options: ListExceptionsOptions = {}): Promise<ExceptionPage> {
  const sort = options.sort ?? 'default';
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_EXCEPTION_PAGE_SIZE), 1), MAX_EXCEPTION_PAGE_SIZE);
  const columns = sortColumns(sort);
  const after = options.cursor ? decodeCursor(options.cursor, sort, columns) : undefined;
  // Every order has an index led by status, so every status is its own ordered range (all
  // four when unfiltered); PostgreSQL cannot read an IN list of statuses in index order.
  const statuses = [...new Set(options.status?.length ? options.status : Object.values(ExceptionStatus))];

  // Codes become ids in a small query of their own: with literal ids the planner estimates
  // the filter well and keeps reading the order's index (a sub-select made it sort instead).
  const filters = await resolveCodes(options);
  if (!filters) return { items: [], nextCursor: null };

  // One row more than asked tells whether there is a next page without a count.
  const rows = await db().$queryRaw<(Exception & { assigneeName: string | null })[]>(pageRowsSql({ columns, after, filters, statuses, limit: limit + 1 }));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toExceptionView({ ...row, assignee: row.assigneeId && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null })),
    nextCursor: rows.length > limit && last ? encodeCursor(sort, keyValues(columns, last)) : null,
  };
}

/** null when a code names nothing: no exception can match. */
async function resolveCodes(options: ExceptionFilters): Promise<ExceptionPageFilters | null> {
  const { legalEntity, connector, ...rest } = options;
  const filters: ExceptionPageFilters = { ...rest };
  if (legalEntity?.length) {
    filters.legalEntityIds = (await db().legalEntity.findMany({ where: { code: { in: [...legalEntity] } }, select: { id: true } })).map((l) => l.id);
    if (filters.legalEntityIds.length === 0) return null;
  }
  if (connector?.length) {
    filters.connectorIds = (await db().connector.findMany({ where: { code: { in: [...connector] } }, select: { id: true } })).map((c) => c.id);
    if (filters.connectorIds.length === 0) return null;
  }
  return filters;
}
