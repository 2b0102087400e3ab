// Billed, recognized, collected and unbilled for a set of engagements, in each engagement's
// currency, with one aggregate query per measure for the whole set (a list page costs the
// same few queries as one engagement). Sums are exact in SQL (numeric, read as text) and
// rounded to the currency's minor unit once, at the end.
import { db, Prisma } from '../../db/client.ts';
import { dec, max, ZERO, type Decimal } from '../../domain/money/decimal.ts';
import { formatMinor } from '../../domain/money/currency.ts';
import type { EngagementSummary } from '../../http/schemas/engagements.ts';
import { unbilledUsageByEngagement } from './unbilled-usage.ts';

export type EngagementFinancials = Pick<
  EngagementSummary,
  'billed' | 'billedExcludingTax' | 'recognized' | 'collected' | 'unbilled' | 'unbilledBreakdown' | 'unbilledReceivable' | 'deferredRevenue'
>;

export interface FinancialsSubject {
  id: string;
  currency: string;
}

type SumRow = { engagementId: string; [measure: string]: string | null };

// An invoice counts as billed once issued; DRAFT, AWAITING_TAX and VOID do not.
const BILLED_STATUSES = Prisma.sql`('ISSUED', 'POSTED', 'PARTIALLY_PAID', 'PAID')`;

export async function loadEngagementFinancials(engagements: readonly FinancialsSubject[]): Promise<Map<string, EngagementFinancials>> {
  const result = new Map<string, EngagementFinancials>();
  if (engagements.length === 0) return result;
  const ids = engagements.map((e) => e.id);
  const idArray = Prisma.sql`${ids}::uuid[]`;
  // Amounts are summed only in the engagement's own currency: invoices, time, milestones and
  // revenue carry it by construction, and a foreign amount must never be added unconverted.
  const [billed, recognized, collected, time, milestones, expenses, usage] = await Promise.all([
    sums(Prisma.sql`
      SELECT i."engagementId",
        SUM(CASE WHEN i.kind = 'CREDIT_NOTE' THEN -ABS(i.total) ELSE i.total END)::text AS billed,
        SUM(CASE WHEN i.kind = 'CREDIT_NOTE' THEN -ABS(i.subtotal) ELSE i.subtotal END)::text AS net
      FROM "Invoice" i JOIN "Engagement" e ON e.id = i."engagementId" AND e.currency = i.currency
      WHERE i."engagementId" = ANY(${idArray}) AND i.status::text IN ${BILLED_STATUSES}
      GROUP BY i."engagementId"`),
    sums(Prisma.sql`
      SELECT r."engagementId", SUM(r.amount)::text AS recognized
      FROM "RevenueEntry" r JOIN "Engagement" e ON e.id = r."engagementId" AND e.currency = r.currency
      WHERE r."engagementId" = ANY(${idArray})
      GROUP BY r."engagementId"`),
    // A reversal is the negative twin of an application; ABS keeps that true whatever sign it was stored with.
    sums(Prisma.sql`
      SELECT i."engagementId", SUM(CASE WHEN a.kind = 'REVERSAL' THEN -ABS(a.amount) ELSE a.amount END)::text AS collected
      FROM "CashApplication" a JOIN "Invoice" i ON i.id = a."invoiceId"
      WHERE i."engagementId" = ANY(${idArray}) AND a.currency = i.currency
      GROUP BY i."engagementId"`),
    // Superseded time that was invoiced and not yet reversed will be credited on the next
    // invoice, so it reduces what is waiting to be billed.
    sums(Prisma.sql`
      SELECT t."engagementId",
        SUM(t.amount) FILTER (WHERE t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL AND NOT t.superseded AND t.billable AND t."approvalStatus" = 'APPROVED')::text AS unbilled,
        SUM(t.amount) FILTER (WHERE t."invoiceLineId" IS NOT NULL AND t.superseded AND t."reversalInvoiceLineId" IS NULL)::text AS reversal
      FROM "TimeTransaction" t JOIN "Engagement" e ON e.id = t."engagementId" AND e.currency = t.currency
      WHERE t."engagementId" = ANY(${idArray}) AND t.amount IS NOT NULL
        AND ((t."invoiceLineId" IS NULL AND t."timeWriteOffId" IS NULL AND NOT t.superseded AND t.billable AND t."approvalStatus" = 'APPROVED')
          OR (t."invoiceLineId" IS NOT NULL AND t.superseded AND t."reversalInvoiceLineId" IS NULL))
      GROUP BY t."engagementId"`),
    sums(Prisma.sql`
      SELECT m."engagementId", SUM(m.amount)::text AS unbilled
      FROM "Milestone" m JOIN "Engagement" e ON e.id = m."engagementId" AND e.currency = m.currency
      WHERE m."engagementId" = ANY(${idArray}) AND m.status = 'BILLABLE' AND m."invoiceLineId" IS NULL
      GROUP BY m."engagementId"`),
    db().$queryRaw<{ engagementId: string; currency: string; unbilled: string }[]>(Prisma.sql`
      SELECT x."engagementId", x.currency, SUM(x.amount)::text AS unbilled
      FROM "Expense" x
      WHERE x."engagementId" = ANY(${idArray}) AND x.billable AND x."approvalStatus" = 'APPROVED' AND x."invoiceLineId" IS NULL
      GROUP BY x."engagementId", x.currency`),
    unbilledUsageByEngagement(ids),
  ]);

  for (const { id, currency } of engagements) {
    const pick = (rows: Map<string, SumRow>, measure: string) => dec(rows.get(id)?.[measure] ?? '0');
    const billedNet = pick(billed, 'net');
    const recognizedTotal = pick(recognized, 'recognized');
    const ownExpenses = expenses.filter((x) => x.engagementId === id);
    const breakdown = {
      time: pick(time, 'unbilled').minus(pick(time, 'reversal')),
      milestones: pick(milestones, 'unbilled'),
      usage: usage.get(id) ?? ZERO,
      expenses: dec(ownExpenses.find((x) => x.currency === currency)?.unbilled ?? '0'),
    };
    const unbilled = Object.values(breakdown).reduce<Decimal>((s, v) => s.plus(v), ZERO);
    const m = (value: Decimal) => formatMinor(value, currency);
    result.set(id, {
      billed: m(pick(billed, 'billed')),
      billedExcludingTax: m(billedNet),
      recognized: m(recognizedTotal),
      collected: m(pick(collected, 'collected')),
      unbilled: m(unbilled),
      unbilledBreakdown: {
        time: m(breakdown.time),
        milestones: m(breakdown.milestones),
        usage: m(breakdown.usage),
        expenses: m(breakdown.expenses),
        expensesInOtherCurrencies: ownExpenses
          .filter((x) => x.currency !== currency)
          .map((x) => ({ currency: x.currency, amount: formatMinor(x.unbilled, x.currency) })),
      },
      // Contract asset and liability compare revenue with what was invoiced net of tax.
      unbilledReceivable: m(max(0, recognizedTotal.minus(billedNet))),
      deferredRevenue: m(max(0, billedNet.minus(recognizedTotal))),
    });
  }
  return result;
}

async function sums(query: Prisma.Sql): Promise<Map<string, SumRow>> {
  const rows = await db().$queryRaw<SumRow[]>(query);
  return new Map(rows.map((row) => [row.engagementId, row]));
}
