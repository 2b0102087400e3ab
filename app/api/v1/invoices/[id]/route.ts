// GET /api/v1/invoices/{id}: one invoice or credit note with its lines and sources, the
// credit notes against it and the cash applied to it.
import { apiRoute } from '@/lib/http/api-route';
import { invoiceIdParamsSchema } from '@/lib/http/schemas/invoices';
import { getInvoice } from '@/lib/queries/invoices/get-invoice';

export const GET = apiRoute({
  permission: 'invoices:read',
  params: invoiceIdParamsSchema,
  handler: async ({ params }) => ({ ...(await getInvoice({ id: params.id })) }),
});
