// A page of invoices waiting for tax (AWAITING_TAX) in the run's scope, as tax documents.
// Keyset-paged by id so that a run over many invoices never loads them all at once and an
// invoice that keeps failing does not stop the pages after it.
import { db, type Prisma } from '../../db/client.ts';
import { formatMinor } from '../../domain/money/currency.ts';
import { lineSku, type TaxJob } from './calculate-invoice-taxes.ts';

export interface BillingScope {
  legalEntityId?: string;
  engagementIds?: readonly string[];
  /** Only these invoices (the ones a run just drafted). */
  invoiceIds?: readonly string[];
}

export async function loadTaxJobs(options: { scope: BillingScope; after: string | null; limit: number }): Promise<TaxJob[]> {
  const { scope } = options;
  const where: Prisma.InvoiceWhereInput = {
    status: 'AWAITING_TAX',
    kind: 'INVOICE',
    ...(scope.legalEntityId ? { legalEntityId: scope.legalEntityId } : {}),
    ...(scope.engagementIds ? { engagementId: { in: [...scope.engagementIds] } } : {}),
    ...(options.after || scope.invoiceIds ? { id: { ...(options.after ? { gt: options.after } : {}), ...(scope.invoiceIds ? { in: [...scope.invoiceIds] } : {}) } } : {}),
  };
  const invoices = await db().invoice.findMany({
    where,
    orderBy: { id: 'asc' },
    take: options.limit,
    select: {
      id: true,
      engagementId: true,
      correlationId: true,
      legalEntityId: true,
      currency: true,
      subtotal: true,
      issueDate: true,
      taxExempt: true,
      legalEntity: { select: { code: true, country: true } },
      client: { select: { taxNexus: true, taxExempt: true } },
      engagement: { select: { code: true, billingPlan: { select: { taxNexus: true, taxExempt: true } } } },
      lines: { orderBy: { lineNo: 'asc' }, select: { id: true, kind: true, amount: true, serviceCatalogItem: { select: { sku: true } }, serviceRole: { select: { code: true } } } },
    },
  });
  return invoices.map((invoice) => {
    const plan = invoice.engagement.billingPlan;
    const issueDate = invoice.issueDate ?? new Date();
    return {
      invoiceId: invoice.id,
      engagementId: invoice.engagementId,
      engagementCode: invoice.engagement.code,
      correlationId: invoice.correlationId,
      legalEntityId: invoice.legalEntityId,
      currency: invoice.currency,
      subtotal: formatMinor(invoice.subtotal.toString(), invoice.currency),
      issueDate,
      document: {
        documentId: invoice.id,
        currency: invoice.currency,
        issueDate: issueDate.toISOString().slice(0, 10),
        seller: { legalEntityCode: invoice.legalEntity.code, country: invoice.legalEntity.country },
        buyer: { nexus: plan?.taxNexus ?? invoice.client.taxNexus ?? null, exempt: invoice.taxExempt || (plan?.taxExempt ?? false) || invoice.client.taxExempt },
        lines: invoice.lines.map((l) => ({
          lineId: l.id,
          amount: formatMinor(l.amount.toString(), invoice.currency),
          sku: lineSku({ kind: l.kind, sku: l.serviceCatalogItem?.sku ?? null, role: l.serviceRole?.code ?? null }),
        })),
      },
    };
  });
}
