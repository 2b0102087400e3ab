// How an engagement leaves the server (list items and the head of the detail): its terms
// from the row, its money figures from engagement-financials.
import type { Prisma } from '../../db/client.ts';
import type { EngagementSummary } from '../../http/schemas/engagements.ts';
import { hoursOrNull, isoDate, isoDateTime, money, moneyOrNull } from '../shared/decimal-fields.ts';
import type { EngagementFinancials } from './engagement-financials.ts';

export const engagementSummarySelect = {
  id: true,
  code: true,
  name: true,
  correlationId: true,
  status: true,
  currency: true,
  value: true,
  estimatedCost: true,
  budgetHours: true,
  psaProjectId: true,
  erpProjectId: true,
  quoteAcceptedAt: true,
  activatedAt: true,
  closedAt: true,
  startDate: true,
  endDate: true,
  createdAt: true,
  client: { select: { id: true, name: true, sourceSystem: true, externalId: true } },
  legalEntity: { select: { id: true, code: true, name: true, baseCurrency: true } },
  billingPlan: { select: { model: true } },
} satisfies Prisma.EngagementSelect;

export type EngagementSummaryRow = Prisma.EngagementGetPayload<{ select: typeof engagementSummarySelect }>;

export function toEngagementSummary(row: EngagementSummaryRow, financials: EngagementFinancials): EngagementSummary {
  const { currency } = row;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    correlationId: row.correlationId,
    status: row.status,
    client: row.client,
    legalEntity: row.legalEntity,
    currency,
    billingModel: row.billingPlan?.model ?? null,
    value: money(row.value, currency),
    estimatedCost: moneyOrNull(row.estimatedCost, currency),
    budgetHours: hoursOrNull(row.budgetHours),
    ...financials,
    psaProjectId: row.psaProjectId,
    erpProjectId: row.erpProjectId,
    quoteAcceptedAt: isoDateTime(row.quoteAcceptedAt),
    activatedAt: isoDateTime(row.activatedAt),
    closedAt: isoDateTime(row.closedAt),
    startDate: isoDate(row.startDate),
    endDate: isoDate(row.endDate),
    createdAt: isoDateTime(row.createdAt),
  };
}
