// POST /api/v1/invoices/{id}/void {reason}: voids an invoice without applied cash or credit
// notes; its sources become billable again and the ERP is told. FINANCE only.
import { apiRoute } from '@/lib/http/api-route';
import { voidInvoiceBodySchema } from '@/lib/http/schemas/billing';
import { invoiceIdParamsSchema } from '@/lib/http/schemas/invoices';
import { voidInvoice } from '@/lib/services/billing/void-invoice';

export const POST = apiRoute({
  permission: 'finance:approve',
  params: invoiceIdParamsSchema,
  input: voidInvoiceBodySchema,
  handler: async ({ principal, params, body }) => ({ ...(await voidInvoice({ invoiceId: params.id, reason: body.reason, now: new Date(), actor: { type: 'USER', id: principal.userId } })) }),
});
