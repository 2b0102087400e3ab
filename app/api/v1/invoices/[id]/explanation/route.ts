// GET /api/v1/invoices/{id}/explanation: why the invoice is what it is — lines, tax,
// sources, the time, milestones and usage billed, and the events behind them. Tracing
// amounts back to their sources is lineage, so it needs lineage:read.
import { apiRoute } from '@/lib/http/api-route';
import { invoiceIdParamsSchema } from '@/lib/http/schemas/invoices';
import { explainInvoice } from '@/lib/queries/lineage/explain-invoice';

export const GET = apiRoute({
  permission: 'lineage:read',
  params: invoiceIdParamsSchema,
  handler: async ({ params }) => ({ ...(await explainInvoice({ id: params.id })) }),
});
