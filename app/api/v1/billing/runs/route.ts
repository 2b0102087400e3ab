// POST /api/v1/billing/runs {asOf, legalEntityCode?}: issues every invoice due by asOf and
// answers the run's summary. Running it twice issues nothing new. FINANCE only (billing:run).
import { env } from '@/lib/env';
import { apiRoute } from '@/lib/http/api-route';
import { runTime } from '@/lib/http/simulated-time';
import { billingRunBodySchema } from '@/lib/http/schemas/billing';
import { runBilling } from '@/lib/services/billing/run-billing';

export const POST = apiRoute({
  permission: 'billing:run',
  input: billingRunBodySchema,
  handler: async ({ request, principal, body }) => ({ ...(await runBilling({ asOf: body.asOf, legalEntityCode: body.legalEntityCode, now: runTime(request.headers, { allowed: env().SIMULATED_TIME, now: new Date() }), actor: { type: 'USER', id: principal.userId } })) }),
});
