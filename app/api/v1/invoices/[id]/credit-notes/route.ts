// POST /api/v1/invoices/{id}/credit-notes {reason, note?, lines?}: issues a credit note
// against the invoice, in full or by line; answers 201 with the credit note. FINANCE only.
import { apiRoute } from '@/lib/http/api-route';
import { creditNoteBodySchema } from '@/lib/http/schemas/billing';
import { invoiceIdParamsSchema } from '@/lib/http/schemas/invoices';
import { creditInvoice } from '@/lib/services/billing/credit-invoice';

export const POST = apiRoute({
  permission: 'finance:approve',
  params: invoiceIdParamsSchema,
  input: creditNoteBodySchema,
  handler: async ({ principal, params, body }) => {
    const result = await creditInvoice({ invoiceId: params.id, reason: body.reason, note: body.note, lines: body.lines, now: new Date(), actor: { type: 'USER', id: principal.userId } });
    return Response.json(result, { status: 201 });
  },
});
