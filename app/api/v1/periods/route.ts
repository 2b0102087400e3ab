// GET /api/v1/periods?legalEntityCode=&year=: a legal entity's accounting periods, their
// status, who closed them, and what posted into them or moved out of them as late.
// Periods decide where invoices post, so whoever reads invoices reads them.
import { apiRoute } from '@/lib/http/api-route';
import { listPeriodsQuerySchema } from '@/lib/http/schemas/periods';
import { listAccountingPeriods } from '@/lib/queries/periods/list-accounting-periods';

export const GET = apiRoute({
  permission: 'invoices:read',
  query: listPeriodsQuerySchema,
  handler: async ({ query }) => ({ items: await listAccountingPeriods({ legalEntityCode: query.legalEntityCode, year: query.year }) }),
});
