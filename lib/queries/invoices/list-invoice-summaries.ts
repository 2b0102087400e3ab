// The invoices list as a person asks for it, with the page URL's names (GET
// /api/v1/invoices/summaries and the console's invoices page read it the same way, so the
// page the server prefetches is the page the API answers); ageing is measured today (UTC).
import type { ListInvoiceSummariesQuery } from '../../http/schemas/invoice-summaries.ts';
import { listInvoiceRows, type InvoiceRowView } from './list-invoice-rows.ts';

export async function listInvoiceSummaries({ query, now }: { query: Omit<ListInvoiceSummariesQuery, 'limit'> & { limit?: number }; now: Date }): Promise<{ items: InvoiceRowView[]; nextCursor: string | null }> {
  const { legalEntity, reason, ...filters } = query;
  const page = await listInvoiceRows({ ...filters, legalEntityCode: legalEntity, creditNoteReason: reason, asOf: now.toISOString().slice(0, 10) });
  return { items: page.items, nextCursor: page.nextCursor };
}
