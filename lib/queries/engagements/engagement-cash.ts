// The cash applied to one engagement's invoices (newest first, bounded), for its detail
// page: which receipt paid which invoice, how it was matched, deductions and reversals.
import { db } from '../../db/client.ts';
import { toApplicationView, type ApplicationView } from '../cash/list-receipts.ts';
import { isoDateTime } from '../shared/decimal-fields.ts';

export const ENGAGEMENT_CASH_ROWS = 50;

export interface EngagementCashRow extends ApplicationView {
  currency: string;
  appliedAt: string;
  paymentId: string;
  payer: string | null;
}

export async function engagementCash(options: { id: string }): Promise<EngagementCashRow[]> {
  const rows = await db().cashApplication.findMany({
    where: { invoice: { engagementId: options.id } },
    orderBy: [{ appliedAt: 'desc' }, { id: 'desc' }],
    take: ENGAGEMENT_CASH_ROWS,
    select: {
      id: true, kind: true, method: true, automatic: true, amount: true, deductionAmount: true, deductionStatus: true, currency: true, appliedAt: true, reversedAt: true,
      invoice: { select: { id: true, number: true } },
      receipt: { select: { externalId: true, payerName: true, client: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    ...toApplicationView(r, r.currency),
    currency: r.currency,
    appliedAt: isoDateTime(r.appliedAt),
    paymentId: r.receipt.externalId,
    payer: r.receipt.client?.name ?? r.receipt.payerName,
  }));
}
