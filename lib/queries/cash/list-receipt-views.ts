// The cash page's receipts as a person asks for them, with the page URL's names (GET
// /api/v1/cash/receipts and the page read them the same way, so the page the server
// prefetches is the page the API answers).
import type { ListReceiptsQuery } from '../../http/schemas/cash-receipts.ts';
import { listReceipts, toReceiptView, type ReceiptView } from './list-receipts.ts';

export async function listReceiptViews({ query }: { query: Omit<ListReceiptsQuery, 'limit'> & { limit?: number } }): Promise<{ items: ReceiptView[]; nextCursor: string | null }> {
  const { legalEntity, ...filters } = query;
  const page = await listReceipts({ ...filters, legalEntityCode: legalEntity });
  return { items: page.items.map(toReceiptView), nextCursor: page.nextCursor };
}
