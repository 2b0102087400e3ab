// POST /api/v1/cash/applications/{id}/reverse {reason, disposition?}: reverses a cash
// application — the invoice's balance reopens, the cash goes back on the receipt (or to the
// payer) and the ERP is told. Repeatable. FINANCE only (finance:approve).
import { apiRoute } from '@/lib/http/api-route';
import { cashApplicationParamsSchema, reverseApplicationBodySchema } from '@/lib/http/schemas/cash';
import { reverseCashApplication } from '@/lib/services/cash/reverse-application';

export const POST = apiRoute({
  permission: 'finance:approve',
  params: cashApplicationParamsSchema,
  input: reverseApplicationBodySchema,
  handler: async ({ principal, params, body }) => ({
    ...(await reverseCashApplication({ applicationId: params.id, reason: body.reason, disposition: body.disposition, actor: { type: 'USER', id: principal.userId }, now: new Date() })),
  }),
});
