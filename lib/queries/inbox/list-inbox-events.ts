// The inbox, newest first (DESIGN.md §5, §10): every received event with its status,
// attempts, timings and last error, filtered, with keyset pagination on (receivedAt, id)
// — never OFFSET, so a page stays fast and stable while events keep arriving.
import { db, type Prisma } from '../../db/client.ts';
import type { InboxEventStatus } from '../../db/generated/enums.ts';
import { decodeCursor, encodeCursor } from '../exceptions/exception-cursor.ts';
import { inboxEventViewSelect, toInboxEventView, type InboxEventView } from './inbox-event-view.ts';

export const DEFAULT_INBOX_PAGE_SIZE = 50;
export const MAX_INBOX_PAGE_SIZE = 200;

// The one order of the inbox, named inside its cursors so no other list's cursor is taken.
const ORDER = 'inbox';
const cursorColumns = [
  { kind: 'date', nullable: false },
  { kind: 'uuid', nullable: false },
] as const;

export interface InboxEventFilters {
  status?: readonly InboxEventStatus[];
  type?: string;
  source?: string;
  /** The sending connector's code. */
  connector?: string;
  subject?: string;
  correlationId?: string;
}

export interface ListInboxEventsOptions extends InboxEventFilters {
  cursor?: string;
  limit?: number;
}

export interface InboxEventPage {
  items: InboxEventView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export async function listInboxEvents(options: ListInboxEventsOptions = {}): Promise<InboxEventPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_INBOX_PAGE_SIZE), 1), MAX_INBOX_PAGE_SIZE);
  const after = options.cursor ? decodeCursor(options.cursor, ORDER, cursorColumns) : undefined;
  let connectorId: string | undefined;
  if (options.connector) {
    // Resolved first so the (connectorId, receivedAt) index serves the page directly.
    const connector = await db().connector.findUnique({ where: { code: options.connector }, select: { id: true } });
    if (!connector) return { items: [], nextCursor: null };
    connectorId = connector.id;
  }

  const where: Prisma.InboxEventWhereInput = {
    ...(options.status?.length ? { status: { in: [...options.status] } } : {}),
    ...(options.type ? { type: options.type } : {}),
    ...(options.source ? { source: options.source } : {}),
    ...(options.subject ? { subject: options.subject } : {}),
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    ...(connectorId ? { connectorId } : {}),
    ...(after ? afterCursor(new Date(after[0] as string), after[1] as string) : {}),
  };
  // One row more than asked tells whether there is a next page without a count.
  const rows = await db().inboxEvent.findMany({ where, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], take: limit + 1, select: inboxEventViewSelect });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toInboxEventView),
    nextCursor: rows.length > limit && last ? encodeCursor(ORDER, [last.receivedAt.toISOString(), last.id]) : null,
  };
}

// "Strictly older than the cursor row" in (receivedAt DESC, id DESC). The `lte` bound is
// redundant logically but is what lets PostgreSQL start the index scan at the cursor
// instead of filtering every newer row.
function afterCursor(receivedAt: Date, id: string): Prisma.InboxEventWhereInput {
  return { receivedAt: { lte: receivedAt }, OR: [{ receivedAt: { lt: receivedAt } }, { id: { lt: id } }] };
}
