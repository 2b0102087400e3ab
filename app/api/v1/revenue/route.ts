// GET /api/v1/revenue?engagementId=: an engagement's revenue entries by period, the
// cumulative, unbilled receivable and deferred revenue. Revenue is part of what
// engagements:read shows (recognized), so the same permission reads its ledger.
import { apiRoute } from '@/lib/http/api-route';
import { revenueQuerySchema } from '@/lib/http/schemas/revenue';
import { getRevenue } from '@/lib/queries/revenue/get-revenue';

export const GET = apiRoute({
  permission: 'engagements:read',
  query: revenueQuerySchema,
  handler: async ({ query }) => ({ ...(await getRevenue({ engagementRef: query.engagementId })) }),
});
