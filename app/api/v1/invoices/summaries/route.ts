// GET /api/v1/invoices/summaries?status=&legalEntity=&region=&aging=&client=&kind=&reason=&issuedFrom=&…&sort=&cursor=&limit=:
// the console's invoices list (no lines; open balance and ageing measured today), keyset pages.
import { apiRoute } from '@/lib/http/api-route';
import { listInvoiceSummariesQuerySchema } from '@/lib/http/schemas/invoice-summaries';
import { listInvoiceSummaries } from '@/lib/queries/invoices/list-invoice-summaries';

export const GET = apiRoute({
  permission: 'invoices:read',
  query: listInvoiceSummariesQuerySchema,
  handler: async ({ query }) => ({ ...(await listInvoiceSummaries({ query, now: new Date() })) }),
});
