// GET /api/v1/invoices?engagementId=&status=&clientId=&legalEntityCode=&cursor=&limit=:
// invoices and credit notes with their lines and the sources behind each line.
import { apiRoute } from '@/lib/http/api-route';
import { listInvoicesQuerySchema } from '@/lib/http/schemas/invoices';
import { listInvoices } from '@/lib/queries/invoices/list-invoices';

export const GET = apiRoute({
  permission: 'invoices:read',
  query: listInvoicesQuerySchema,
  handler: async ({ query }) => ({ ...(await listInvoices(query)) }),
});
