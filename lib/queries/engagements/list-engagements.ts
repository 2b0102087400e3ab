// The engagements list (GET /api/v1/engagements): filters, newest first, keyset pagination
// on (createdAt, id) — never OFFSET — and each item's money figures loaded for the whole
// page at once.
import { db, type Prisma } from '../../db/client.ts';
import type { EngagementStatus } from '../../db/generated/enums.ts';
import type { EngagementSummary } from '../../http/schemas/engagements.ts';
import { decodeCursor, encodeCursor } from '../exceptions/exception-cursor.ts';
import { loadEngagementFinancials } from './engagement-financials.ts';
import { engagementSummarySelect, toEngagementSummary } from './engagement-view.ts';
import { DEFAULT_ENGAGEMENT_PAGE_SIZE, MAX_ENGAGEMENT_PAGE_SIZE } from './page-size.ts';

// Named inside its cursors so a cursor of another list is refused, not misread.
const ORDER = 'engagements';
const cursorColumns = [
  { kind: 'date', nullable: false },
  { kind: 'uuid', nullable: false },
] as const;

export interface ListEngagementsOptions {
  correlationId?: string;
  clientExternalId?: string;
  status?: readonly EngagementStatus[];
  legalEntityCode?: string;
  cursor?: string;
  limit?: number;
}

export interface EngagementPage {
  items: EngagementSummary[];
  nextCursor: string | null;
}

export async function listEngagements(options: ListEngagementsOptions = {}): Promise<EngagementPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_ENGAGEMENT_PAGE_SIZE), 1), MAX_ENGAGEMENT_PAGE_SIZE);
  const after = options.cursor ? decodeCursor(options.cursor, ORDER, cursorColumns) : undefined;
  const clientIds = options.clientExternalId ? await clientIdsFor(options.clientExternalId) : undefined;
  if (clientIds?.length === 0) return { items: [], nextCursor: null };

  const where: Prisma.EngagementWhereInput = {
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    ...(clientIds ? { clientId: { in: clientIds } } : {}),
    ...(options.status?.length ? { status: { in: [...options.status] } } : {}),
    ...(options.legalEntityCode ? { legalEntity: { code: options.legalEntityCode } } : {}),
    ...(after ? afterCursor(new Date(after[0] as string), after[1] as string) : {}),
  };
  // One row more than asked tells whether there is a next page without a count.
  const rows = await db().engagement.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1, select: engagementSummarySelect });
  const page = rows.slice(0, limit);
  const financials = await loadEngagementFinancials(page);
  const last = page.at(-1);
  return {
    items: page.map((row) => toEngagementSummary(row, financials.get(row.id)!)),
    nextCursor: rows.length > limit && last ? encodeCursor(ORDER, [last.createdAt.toISOString(), last.id]) : null,
  };
}

// A client is known by the id of the system it came from (Client.externalId) and by its
// ids in other systems (ExternalRef); either finds it.
async function clientIdsFor(externalId: string): Promise<string[]> {
  const [own, crosswalk] = await Promise.all([
    db().client.findMany({ where: { externalId }, select: { id: true } }),
    db().externalRef.findMany({ where: { entityType: 'Client', externalId }, select: { entityId: true } }),
  ]);
  return [...new Set([...own.map((c) => c.id), ...crosswalk.map((r) => r.entityId)])];
}

// "Strictly older than the cursor row" in (createdAt DESC, id DESC); the `lte` bound lets
// PostgreSQL start the scan at the cursor instead of filtering every newer row.
function afterCursor(createdAt: Date, id: string): Prisma.EngagementWhereInput {
  return { createdAt: { lte: createdAt }, OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] };
}
