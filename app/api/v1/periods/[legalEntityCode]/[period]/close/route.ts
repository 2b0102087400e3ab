// POST /api/v1/periods/{legalEntityCode}/{period}/close: closes an accounting month
// (in order, after its end, with no draft or tax-waiting invoice in it). Repeatable.
// FINANCE and ADMIN (periods:close).
import { apiRoute } from '@/lib/http/api-route';
import { periodParamsSchema } from '@/lib/http/schemas/periods';
import { listAccountingPeriods } from '@/lib/queries/periods/list-accounting-periods';
import { closeAccountingPeriod } from '@/lib/services/periods/close-accounting-period';

export const POST = apiRoute({
  permission: 'periods:close',
  params: periodParamsSchema,
  handler: async ({ principal, params, correlationId }) => {
    const { changed } = await closeAccountingPeriod({ ...params, actor: { type: 'USER', id: principal.userId }, now: new Date(), correlationId });
    const [period] = await listAccountingPeriods(params);
    return { period, changed };
  },
});
