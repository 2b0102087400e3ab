// POST /api/v1/revenue/runs {asOf, legalEntityCode?}: recognises revenue through asOf for
// every engagement (of the legal entity) and answers the run's summary. Repeatable: a
// second identical run posts nothing. FINANCE only (revenue:run).
import { env } from '@/lib/env';
import { apiRoute } from '@/lib/http/api-route';
import { runTime } from '@/lib/http/simulated-time';
import { revenueRunBodySchema, type RevenueRunSummaryView } from '@/lib/http/schemas/revenue-runs';
import { runRevenue } from '@/lib/services/revenue/run-revenue';

export const POST = apiRoute({
  permission: 'revenue:run',
  input: revenueRunBodySchema,
  handler: async ({ request, principal, body }) => {
    const summary: RevenueRunSummaryView = await runRevenue({ asOf: body.asOf, legalEntityCode: body.legalEntityCode, now: runTime(request.headers, { allowed: env().SIMULATED_TIME, now: new Date() }), actor: { type: 'USER', id: principal.userId } });
    return { ...summary };
  },
});
