// POST /api/v1/reconciliation/runs {jobs?, asOf?}: runs the reconciliation jobs now (all,
// or those named) and answers what each found, raised and cleared; the findings are
// exceptions in the queue. GET: the latest runs. FINANCE, INTEGRATION_OPS and ADMIN
// (reconciliation:run); each run is audited as the person who started it.
import { apiRoute } from '@/lib/http/api-route';
import { asOfInstant, listReconciliationRunsQuerySchema, reconciliationRunBodySchema } from '@/lib/http/schemas/reconciliation';
import { listReconciliationRuns } from '@/lib/queries/reconciliation/list-reconciliation-runs';
import { runReconciliation } from '@/lib/services/reconciliation/run-reconciliation';

export const POST = apiRoute({
  permission: 'reconciliation:run',
  input: reconciliationRunBodySchema,
  handler: async ({ principal, body }) => ({
    ...(await runReconciliation({ jobs: body.jobs, asOf: body.asOf ? asOfInstant(body.asOf) : undefined, now: new Date(), actor: { type: 'USER', id: principal.userId } })),
  }),
});

export const GET = apiRoute({
  permission: 'reconciliation:run',
  query: listReconciliationRunsQuerySchema,
  handler: async ({ query }) => ({ items: await listReconciliationRuns({ limit: query.limit }) }),
});
