// GET /api/v1/cash/unapplied?legalEntity=&region=&cursor=&limit=: receipts with cash left to
// apply, newest first, with suggested invoices and their evidence (the console's workbench).
import { apiRoute } from '@/lib/http/api-route';
import { listUnappliedCashQuerySchema } from '@/lib/http/schemas/cash-workbench';
import { unappliedCashPage } from '@/lib/queries/cash/unapplied-cash-page';

export const GET = apiRoute({
  permission: 'cash:read',
  query: listUnappliedCashQuerySchema,
  handler: async ({ query }) => ({ ...(await unappliedCashPage({ query })) }),
});
