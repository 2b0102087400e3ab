// GET /api/v1/cash/receipts?status=&legalEntity=&region=&receivedFrom=&receivedTo=&cursor=&limit=:
// receipts newest first with what was applied to which invoices and what is left, keyset pages.
import { apiRoute } from '@/lib/http/api-route';
import { listReceiptsQuerySchema } from '@/lib/http/schemas/cash-receipts';
import { listReceiptViews } from '@/lib/queries/cash/list-receipt-views';

export const GET = apiRoute({
  permission: 'cash:read',
  query: listReceiptsQuerySchema,
  handler: async ({ query }) => ({ ...(await listReceiptViews({ query })) }),
});
