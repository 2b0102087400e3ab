// The console's invoices list: invoices and credit notes without their lines (the detail
// page has those), with status, balance and accounts-receivable ageing. Filters: status,
// legal entity or region, ageing bucket (open balance, due dates of the bucket on `asOf`),
// client (its id, or its id in any system through the crosswalk), kind, credit-note reason,
// and the dashboard's periods: issued in, or eligible in (invoice timeliness's population).
// Sorts on one column + id, keyset pages.
import { db, type Prisma } from '../../db/client.ts';
import type { InvoiceKind, InvoiceStatus } from '../../db/generated/enums.ts';
import { dueDateRange, invoiceAgeingBucket, type AgeingBucket } from '../../domain/cash/invoice-ageing.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { decodeCursor, encodeCursor } from '../exceptions/exception-cursor.ts';
import { isoDate, isUuid, money } from '../shared/decimal-fields.ts';
import { keysetAfter, keysetOrder } from '../shared/keyset.ts';
import { clientIdsFor } from '../engagements/client-ids.ts';
import type { InvoiceListSort } from './invoice-sorts.ts';
import { invoiceDrillDownWhere, type InvoiceDrillDownFilters } from './invoice-drill-down-where.ts';
import { invoiceSelect, type InvoiceRow } from './invoice-view.ts';

export const INVOICE_ROWS_PAGE_SIZE = 50;
export const INVOICE_ROWS_MAX_PAGE_SIZE = 100;

// Cash can be applied to these; an ageing bucket is about what is still owed.
const OPEN_FOR_CASH: InvoiceStatus[] = ['ISSUED', 'POSTED', 'PARTIALLY_PAID'];

type Row = InvoiceRow;

export interface InvoiceRowView {
  id: string;
  kind: InvoiceKind;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  total: string;
  balanceDue: string;
  ageing: AgeingBucket | null;
  engagement: { id: string; code: string };
  client: { id: string; name: string };
  legalEntityCode: string;
}

export interface ListInvoiceRowsOptions extends InvoiceDrillDownFilters {
  status?: readonly InvoiceStatus[];
  aging?: AgeingBucket;
  /** A client's id (uuid) or its id in any connected system. */
  client?: string;
  engagementId?: string;
  sort?: InvoiceListSort;
  cursor?: string;
  limit?: number;
  /** The day ageing is measured on (today in UTC for people). */
  asOf: IsoDate;
}

type SortField = 'createdAt' | 'dueDate' | 'balanceDue';
const kinds = { createdAt: 'date', dueDate: 'date', balanceDue: 'decimal' } as const;

export async function listInvoiceRows(options: ListInvoiceRowsOptions): Promise<{ items: InvoiceRowView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? INVOICE_ROWS_PAGE_SIZE), 1), INVOICE_ROWS_MAX_PAGE_SIZE);
  const sort = options.sort ?? '-createdAt';
  const field = sort.replace('-', '') as SortField;
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const nullable = field === 'dueDate';
  const order = `invoice-rows:${sort}`;
  const columns = [{ kind: kinds[field], nullable }, { kind: 'uuid', nullable: false }] as const;
  const after = options.cursor ? decodeCursor(options.cursor, order, columns) : undefined;

  const clientIds = options.client ? (isUuid(options.client) ? [options.client] : await clientIdsFor(options.client)) : undefined;
  if (clientIds?.length === 0) return { items: [], nextCursor: null };
  const filters: Prisma.InvoiceWhereInput[] = [
    ...(options.status?.length ? [{ status: { in: [...options.status] } }] : []),
    ...invoiceDrillDownWhere(options),
    ...(clientIds ? [{ clientId: { in: clientIds } }] : []),
    ...(options.engagementId ? [{ engagementId: options.engagementId }] : []),
    ...(options.aging ? [ageingWhere(options.aging, options.asOf)] : []),
  ];
  if (after) {
    const value = after[0] === null ? null : kinds[field] === 'date' ? new Date(after[0] as string) : after[0];
    filters.push(keysetAfter(field, direction, value, after[1] as string, nullable) as Prisma.InvoiceWhereInput);
  }
  const rows = await db().invoice.findMany({
    where: { AND: filters },
    orderBy: keysetOrder(field, direction, nullable) as Prisma.InvoiceOrderByWithRelationInput[],
    take: limit + 1,
    select: invoiceSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toView(row, options.asOf)),
    nextCursor: rows.length > limit && last ? encodeCursor(order, [cursorValue(last, field), last.id]) : null,
  };
}

function ageingWhere(bucket: AgeingBucket, asOf: IsoDate): Prisma.InvoiceWhereInput {
  const { from, to } = dueDateRange(bucket, asOf);
  return {
    kind: 'INVOICE',
    status: { in: OPEN_FOR_CASH },
    balanceDue: { gt: 0 },
    dueDate: { ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}), not: null },
  };
}

function cursorValue(row: Row, field: SortField): string | null {
  if (field === 'balanceDue') return row.balanceDue.toString();
  const value = row[field];
  return value ? value.toISOString() : null;
}

function toView(row: Row, asOf: IsoDate): InvoiceRowView {
  const c = row.currency;
  const issueDate = isoDate(row.issueDate);
  const dueDate = isoDate(row.dueDate);
  const open = row.kind === 'INVOICE' && OPEN_FOR_CASH.includes(row.status);
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    status: row.status,
    currency: c,
    issueDate,
    dueDate,
    total: money(row.total, c),
    balanceDue: money(row.balanceDue, c),
    ageing: open ? invoiceAgeingBucket({ dueDate, issueDate, balanceDue: row.balanceDue.toString() }, asOf) : null,
    engagement: row.engagement,
    client: row.client,
    legalEntityCode: row.legalEntity.code,
  };
}
