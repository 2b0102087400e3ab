// The invoices list (GET /api/v1/invoices): filters, newest first, keyset pagination on
// (createdAt, id), each invoice with its lines and their sources.
import { db, type Prisma } from '../../db/client.ts';
import type { InvoiceStatus } from '../../db/generated/enums.ts';
import type { InvoiceView } from '../../http/schemas/invoices.ts';
import { decodeCursor, encodeCursor } from '../exceptions/exception-cursor.ts';
import { invoiceDrillDownWhere, type InvoiceDrillDownFilters } from './invoice-drill-down-where.ts';
import { invoiceSelect, withLines } from './invoice-view.ts';
import { DEFAULT_INVOICE_PAGE_SIZE, MAX_INVOICE_PAGE_SIZE } from './page-size.ts';

const ORDER = 'invoices';
const cursorColumns = [
  { kind: 'date', nullable: false },
  { kind: 'uuid', nullable: false },
] as const;

export interface ListInvoicesOptions extends InvoiceDrillDownFilters {
  engagementId?: string;
  status?: readonly InvoiceStatus[];
  clientId?: string;
  correlationId?: string;
  cursor?: string;
  limit?: number;
}

export interface InvoicePage {
  items: InvoiceView[];
  nextCursor: string | null;
}

export async function listInvoices(options: ListInvoicesOptions = {}): Promise<InvoicePage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_INVOICE_PAGE_SIZE), 1), MAX_INVOICE_PAGE_SIZE);
  const after = options.cursor ? decodeCursor(options.cursor, ORDER, cursorColumns) : undefined;
  const where: Prisma.InvoiceWhereInput = {
    ...(options.engagementId ? { engagementId: options.engagementId } : {}),
    ...(options.status?.length ? { status: { in: [...options.status] } } : {}),
    ...(options.clientId ? { clientId: options.clientId } : {}),
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    ...(after ? afterCursor(new Date(after[0] as string), after[1] as string) : {}),
    AND: invoiceDrillDownWhere(options),
  };
  // One row more than asked tells whether there is a next page without a count.
  const rows = await db().invoice.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1, select: invoiceSelect });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await withLines(page),
    nextCursor: rows.length > limit && last ? encodeCursor(ORDER, [last.createdAt.toISOString(), last.id]) : null,
  };
}

// "Strictly older than the cursor row" in (createdAt DESC, id DESC).
function afterCursor(createdAt: Date, id: string): Prisma.InvoiceWhereInput {
  return { createdAt: { lte: createdAt }, OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] };
}
