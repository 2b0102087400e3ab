// The engagements list (GET /api/v1/engagements and the console's list): filters, a sort
// (newest first by default, or by value), keyset pagination on (sort column, id) — never
// OFFSET — and each item's money figures loaded for the whole page at once.
import { db, type Prisma } from '../../db/client.ts';
import type { BillingModel, EngagementStatus } from '../../db/generated/enums.ts';
import type { EngagementSummary } from '../../http/schemas/engagements.ts';
import { decodeCursor, encodeCursor } from '../exceptions/exception-cursor.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { dayRangeWhere, legalEntityScope } from '../shared/drill-down-where.ts';
import { keysetAfter, keysetOrder } from '../shared/keyset.ts';
import { clientIdsFor } from './client-ids.ts';
import type { EngagementListSort } from './engagement-sorts.ts';
import { loadEngagementFinancials } from './engagement-financials.ts';
import { engagementSummarySelect, toEngagementSummary } from './engagement-view.ts';
import { DEFAULT_ENGAGEMENT_PAGE_SIZE, MAX_ENGAGEMENT_PAGE_SIZE } from './page-size.ts';

// Named inside its cursors so a cursor of another list (or order) is refused, not misread;
// the newest-first order keeps the name its cursors always had.
const orderName = (sort: EngagementListSort) => (sort === '-createdAt' ? 'engagements' : `engagements:${sort}`);
const cursorColumns = (field: 'createdAt' | 'value') => [{ kind: field === 'value' ? 'decimal' : 'date', nullable: false }, { kind: 'uuid', nullable: false }] as const;

export interface ListEngagementsOptions {
  correlationId?: string;
  clientExternalId?: string;
  status?: readonly EngagementStatus[];
  legalEntityCode?: string;
  /** A reporting region (LegalEntity.region). */
  region?: string;
  /** Activated on these days (both included) after an accepted quote: the activation cycle time KPI's population. */
  activatedFrom?: IsoDate;
  activatedTo?: IsoDate;
  billingModel?: readonly BillingModel[];
  /** Part of the code, the name or the client's name (case-insensitive). */
  search?: string;
  sort?: EngagementListSort;
  cursor?: string;
  limit?: number;
}

export interface EngagementPage {
  items: EngagementSummary[];
  nextCursor: string | null;
}

export async function listEngagements(options: ListEngagementsOptions = {}): Promise<EngagementPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_ENGAGEMENT_PAGE_SIZE), 1), MAX_ENGAGEMENT_PAGE_SIZE);
  const sort = options.sort ?? '-createdAt';
  const field = sort.endsWith('value') ? 'value' : 'createdAt';
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const after = options.cursor ? decodeCursor(options.cursor, orderName(sort), cursorColumns(field)) : undefined;
  const clientIds = options.clientExternalId ? await clientIdsFor(options.clientExternalId) : undefined;
  if (clientIds?.length === 0) return { items: [], nextCursor: null };

  const where: Prisma.EngagementWhereInput = {
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    ...(clientIds ? { clientId: { in: clientIds } } : {}),
    ...(options.status?.length ? { status: { in: [...options.status] } } : {}),
    ...legalEntityScope(options),
    ...activatedWhere(options),
    ...(options.billingModel?.length ? { billingPlan: { model: { in: [...options.billingModel] } } } : {}),
    ...(options.search ? { OR: searchWhere(options.search) } : {}),
  };
  const page0 = after ? { AND: [where, cursorWhere(field, direction, after)] } : where;
  // One row more than asked tells whether there is a next page without a count.
  const orderBy = keysetOrder(field, direction, false) as Prisma.EngagementOrderByWithRelationInput[];
  const rows = await db().engagement.findMany({ where: page0, orderBy, take: limit + 1, select: engagementSummarySelect });
  const page = rows.slice(0, limit);
  const financials = await loadEngagementFinancials(page);
  const last = page.at(-1);
  return {
    items: page.map((row) => toEngagementSummary(row, financials.get(row.id)!)),
    nextCursor: rows.length > limit && last ? encodeCursor(orderName(sort), [field === 'value' ? last.value.toString() : last.createdAt.toISOString(), last.id]) : null,
  };
}

// As activation-kpi.ts counts: only engagements with an accepted quote have a cycle time.
function activatedWhere(options: Pick<ListEngagementsOptions, 'activatedFrom' | 'activatedTo'>): Prisma.EngagementWhereInput {
  const activatedAt = dayRangeWhere({ from: options.activatedFrom, to: options.activatedTo });
  return activatedAt ? { activatedAt, quoteAcceptedAt: { not: null } } : {};
}

function searchWhere(search: string): Prisma.EngagementWhereInput[] {
  const contains = { contains: search, mode: 'insensitive' as const };
  return [{ code: contains }, { name: contains }, { client: { name: contains } }];
}

// "Strictly after the cursor row"; for newest first the `lte` bound lets PostgreSQL start
// the scan at the cursor instead of filtering every newer row.
function cursorWhere(field: 'createdAt' | 'value', direction: 'asc' | 'desc', after: readonly unknown[]): Prisma.EngagementWhereInput {
  const [value, id] = [field === 'createdAt' ? new Date(after[0] as string) : (after[0] as string), after[1] as string];
  const strictly = keysetAfter(field, direction, value, id) as Prisma.EngagementWhereInput;
  return field === 'createdAt' && direction === 'desc' ? { createdAt: { lte: value as Date }, ...strictly } : strictly;
}
