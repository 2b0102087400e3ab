// POST /api/v1/periods/{legalEntityCode}/{period}/reopen {reason}: reopens the latest
// closed accounting month of a legal entity. Repeatable. FINANCE and ADMIN (periods:close).
import { apiRoute } from '@/lib/http/api-route';
import { periodParamsSchema, reopenPeriodBodySchema } from '@/lib/http/schemas/periods';
import { listAccountingPeriods } from '@/lib/queries/periods/list-accounting-periods';
import { reopenAccountingPeriod } from '@/lib/services/periods/reopen-accounting-period';

export const POST = apiRoute({
  permission: 'periods:close',
  params: periodParamsSchema,
  input: reopenPeriodBodySchema,
  handler: async ({ principal, params, body, correlationId }) => {
    const { changed } = await reopenAccountingPeriod({ ...params, reason: body.reason, actor: { type: 'USER', id: principal.userId }, correlationId });
    const [period] = await listAccountingPeriods(params);
    return { period, changed };
  },
});
