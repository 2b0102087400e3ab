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
import { isMarginSort, type EngagementListSort } from './engagement-sorts.ts';
import { loadEngagementFinancials } from './engagement-financials.ts';
import { marginPage, marginPeriodOf, marginScope, marginsOf, type MarginPeriod } from './engagement-margins.ts';
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
  /** The margin figures' period (both days included) and currency: the margin KPI's. */
  marginFrom?: IsoDate;
  marginTo?: IsoDate;
  currency?: string;
  /** The clock for the default margin period (tests). */
  now?: Date;
  sort?: EngagementListSort;
  cursor?: string;
  limit?: number;
}

export interface EngagementPage {
  items: EngagementSummary[];
  nextCursor: string | null;
  marginPeriod: MarginPeriod;
}

export async function listEngagements(options: ListEngagementsOptions = {}): Promise<EngagementPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_ENGAGEMENT_PAGE_SIZE), 1), MAX_ENGAGEMENT_PAGE_SIZE);
  const sort = options.sort ?? '-createdAt';
  const field = sort.endsWith('value') ? 'value' : 'createdAt';
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const scope = await marginScope(options);
  const marginPeriod = marginPeriodOf(scope);
  if (isMarginSort(sort)) return listByMargin(options, { sort, limit, scope, marginPeriod });
  const after = options.cursor ? decodeCursor(options.cursor, orderName(sort), cursorColumns(field)) : undefined;
  const clientIds = options.clientExternalId ? await clientIdsFor(options.clientExternalId) : undefined;
  if (clientIds?.length === 0) return { items: [], nextCursor: null, marginPeriod };

  const where = filtersWhere(options, clientIds);
  const page0 = after ? { AND: [where, cursorWhere(field, direction, after)] } : where;
  // One row more than asked tells whether there is a next page without a count.
  const orderBy = keysetOrder(field, direction, false) as Prisma.EngagementOrderByWithRelationInput[];
  const rows = await db().engagement.findMany({ where: page0, orderBy, take: limit + 1, select: engagementSummarySelect });
  const page = rows.slice(0, limit);
  const [financials, margins] = await Promise.all([loadEngagementFinancials(page), marginsOf(scope, page.map((r) => r.id))]);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toEngagementSummary(row, financials.get(row.id)!), margin: margins.get(row.id) ?? null })),
    nextCursor: rows.length > limit && last ? encodeCursor(orderName(sort), [field === 'value' ? last.value.toString() : last.createdAt.toISOString(), last.id]) : null,
    marginPeriod,
  };
}

// Sorted by margin variance: the margin KPI's engagements of the period (its scope: legal
// entity, region, days), narrowed by the list's other filters, in keyset order of the
// KPI's own variance. The cursor names the period and scope: another period's cursor is refused.
async function listByMargin(
  options: ListEngagementsOptions,
  context: { sort: 'marginVariance' | '-marginVariance'; limit: number; scope: Awaited<ReturnType<typeof marginScope>>; marginPeriod: MarginPeriod },
): Promise<EngagementPage> {
  const { sort, limit, scope, marginPeriod } = context;
  const name = `engagements:${sort}:${marginPeriod.from}:${marginPeriod.to}:${marginPeriod.legalEntityCode ?? ''}:${marginPeriod.region ?? ''}`;
  const after = options.cursor ? decodeCursor(options.cursor, name, [{ kind: 'ratio', nullable: true }, { kind: 'uuid', nullable: false }]) : undefined;
  const clientIds = options.clientExternalId ? await clientIdsFor(options.clientExternalId) : undefined;
  if (clientIds?.length === 0) return { items: [], nextCursor: null, marginPeriod };
  const where = filtersWhere(options, clientIds);
  // The list's own filters, as the engagements they leave (none: every engagement the KPI counts).
  const engagementIds = Object.keys(where).length ? (await db().engagement.findMany({ where, select: { id: true } })).map((r) => r.id) : null;
  const ranked = await marginPage(scope, {
    direction: sort.startsWith('-') ? 'desc' : 'asc',
    after: after ? { variance: after[0] as string | null, id: after[1] as string } : undefined,
    limit: limit + 1,
    engagementIds,
  });
  const page = ranked.slice(0, limit);
  const rows = await db().engagement.findMany({ where: { id: { in: page.map((r) => r.key.id) } }, select: engagementSummarySelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const financials = await loadEngagementFinancials(rows);
  const last = page.at(-1);
  return {
    items: page.flatMap(({ key, figure }) => {
      const row = byId.get(key.id);
      return row ? [{ ...toEngagementSummary(row, financials.get(row.id)!), margin: figure }] : [];
    }),
    nextCursor: ranked.length > limit && last ? encodeCursor(name, [last.key.variance, last.key.id]) : null,
    marginPeriod,
  };
}

function filtersWhere(options: ListEngagementsOptions, clientIds: string[] | undefined): Prisma.EngagementWhereInput {
  return {
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    ...(clientIds ? { clientId: { in: clientIds } } : {}),
    ...(options.status?.length ? { status: { in: [...options.status] } } : {}),
    ...legalEntityScope(options),
    ...activatedWhere(options),
    ...(options.billingModel?.length ? { billingPlan: { model: { in: [...options.billingModel] } } } : {}),
    ...(options.search ? { OR: searchWhere(options.search) } : {}),
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
