// POST /api/v1/billing/runs {asOf, legalEntityCode?}: issues every invoice due by asOf and
// answers the run's summary. Running it twice issues nothing new. FINANCE only (billing:run).
import { apiRoute } from '@/lib/http/api-route';
import { billingRunBodySchema } from '@/lib/http/schemas/billing';
import { runBilling } from '@/lib/services/billing/run-billing';

export const POST = apiRoute({
  permission: 'billing:run',
  input: billingRunBodySchema,
  handler: async ({ principal, body }) => ({ ...(await runBilling({ asOf: body.asOf, legalEntityCode: body.legalEntityCode, now: new Date(), actor: { type: 'USER', id: principal.userId } })) }),
});
