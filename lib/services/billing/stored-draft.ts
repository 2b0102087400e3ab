// Reads a stored AWAITING_TAX invoice back into the core's InvoiceDraft, so that issuing
// runs assembleInvoice's checks on exactly what was written. A source's stored amount has
// four decimals (Decimal(19,4)); its exact contribution is rebuilt from the exact factors
// it was made of (hours × rate, units × rate, source amount × FX rate), so that rounding a
// line from its sources gives the line amount that was drafted, to the cent.
import type { Prisma } from '../../db/client.ts';
import type { InvoiceDraft } from '../../domain/billing/invoice-draft.ts';
import { decimalText } from '../../domain/billing/invoice-draft.ts';
import { formatMinor } from '../../domain/money/currency.ts';
import { dec } from '../../domain/money/decimal.ts';

export const storedInvoiceInclude = {
  engagement: { select: { code: true } },
  client: { select: { id: true, name: true } },
  legalEntity: { select: { code: true } },
  lines: {
    orderBy: { lineNo: 'asc' },
    include: { serviceCatalogItem: { select: { sku: true } }, serviceRole: { select: { code: true } }, taxCode: { select: { code: true } }, sources: { orderBy: { createdAt: 'asc' } } },
  },
} satisfies Prisma.InvoiceInclude;

export type StoredInvoice = Prisma.InvoiceGetPayload<{ include: typeof storedInvoiceInclude }>;
type StoredSource = StoredInvoice['lines'][number]['sources'][number];

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The id of the row a source bills (the plan for a retainer month). */
export function sourceIdOf(s: StoredSource): string {
  return (s.timeTransactionId ?? s.milestoneId ?? s.expenseId ?? s.usageRecordId ?? s.billingPlanId)!;
}

export function exactSourceAmount(s: Pick<StoredSource, 'amount' | 'quantity' | 'rate' | 'sourceAmount' | 'fxRate'>): string {
  if (s.sourceAmount !== null && s.fxRate !== null) return decimalText(dec(s.sourceAmount.toString()).times(s.fxRate.toString()));
  if (s.quantity !== null && s.rate !== null) return decimalText(dec(s.quantity.toString()).times(s.rate.toString()));
  return s.amount.toString();
}

export function storedDraft(invoice: StoredInvoice): InvoiceDraft {
  const currency = invoice.currency;
  return {
    engagementId: invoice.engagementId,
    currency,
    billingPeriodKey: invoice.billingPeriodKey ?? '',
    servicePeriodStart: day(invoice.servicePeriodStart),
    servicePeriodEnd: day(invoice.servicePeriodEnd),
    eligibleOn: day(invoice.eligibleAt) ?? day(invoice.issueDate) ?? '',
    lines: invoice.lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      sku: line.serviceCatalogItem?.sku ?? null,
      role: line.serviceRole?.code ?? null,
      quantity: line.quantity.toString(),
      unitPrice: line.unitPrice.toString(),
      amount: formatMinor(line.amount.toString(), currency),
      currency: line.currency,
      servicePeriodStart: day(line.servicePeriodStart),
      servicePeriodEnd: day(line.servicePeriodEnd),
      sources: line.sources.map((s) => ({
        kind: s.kind,
        billingKey: s.billingKey ?? `RELEASED:${s.id}`,
        sourceId: sourceIdOf(s),
        periodKey: s.periodKey,
        quantity: s.quantity?.toString() ?? null,
        rate: s.rate?.toString() ?? null,
        amount: exactSourceAmount(s),
        currency: s.currency,
        sourceAmount: s.sourceAmount?.toString() ?? null,
        sourceCurrency: s.sourceCurrency,
        fxRate: s.fxRate?.toString() ?? null,
      })),
    })),
  };
}
