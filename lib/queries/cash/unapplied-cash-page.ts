// The workbench as a person asks for it, with the page URL's names (GET /api/v1/cash/unapplied
// and the cash page read it the same way, so the page the server prefetches is the page the
// API answers).
import type { ListUnappliedCashQuery } from '../../http/schemas/cash-workbench.ts';
import { unappliedWorkbench, type WorkbenchItem } from './unapplied-workbench.ts';

export async function unappliedCashPage({ query }: { query: Omit<ListUnappliedCashQuery, 'limit'> & { limit?: number } }): Promise<{ items: WorkbenchItem[]; nextCursor: string | null }> {
  const { legalEntity, ...rest } = query;
  return unappliedWorkbench({ ...rest, legalEntityCode: legalEntity });
}
