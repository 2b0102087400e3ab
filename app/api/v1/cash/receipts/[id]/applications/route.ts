// POST /api/v1/cash/receipts/{id}/applications {invoiceId, amount, expectedUnapplied?}:
// applies unapplied cash of a receipt to an open invoice (MANUAL). FINANCE only.
import { apiRoute } from '@/lib/http/api-route';
import { applyReceiptBodySchema, cashReceiptParamsSchema } from '@/lib/http/schemas/cash';
import { applyReceiptToInvoice } from '@/lib/services/cash/apply-receipt-to-invoice';

export const POST = apiRoute({
  permission: 'finance:approve',
  params: cashReceiptParamsSchema,
  input: applyReceiptBodySchema,
  handler: async ({ principal, params, body }) => {
    const applied = await applyReceiptToInvoice({ receiptId: params.id, ...body, actor: { userId: principal.userId }, now: new Date() });
    return Response.json(applied, { status: 201 });
  },
});
