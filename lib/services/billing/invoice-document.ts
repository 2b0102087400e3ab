// The document the ERP books (POST_INVOICE / POST_CREDIT_NOTE payloads), from the issued
// figures: what the ERP receives is exactly what Threadline issued, line by line.
import type { InvoiceDocument } from '../../outbox/commands/post-invoice.ts';

export interface DocumentLine {
  lineNo: number;
  kind: string;
  description: string;
  sku: string | null;
  quantity: string;
  unitPrice: string;
  amount: string;
  taxCode: string | null;
  taxRate: string | null;
  taxAmount: string;
  servicePeriodStart: string | null;
  servicePeriodEnd: string | null;
  creditedLineId?: string | null;
}

export function invoiceDocument(options: {
  invoiceId: string;
  number: string;
  engagement: { id: string; code: string; correlationId: string };
  client: { id: string; name: string };
  legalEntityCode: string;
  currency: string;
  issueDate: string;
  dueDate: string | null;
  accountingPeriod: string;
  latePosting: boolean;
  totals: { subtotal: string; taxTotal: string; total: string };
  lines: readonly DocumentLine[];
}): InvoiceDocument {
  return {
    invoiceId: options.invoiceId,
    number: options.number,
    engagementId: options.engagement.id,
    engagementCode: options.engagement.code,
    correlationId: options.engagement.correlationId,
    client: options.client,
    legalEntityCode: options.legalEntityCode,
    currency: options.currency,
    issueDate: options.issueDate,
    dueDate: options.dueDate,
    accountingPeriod: options.accountingPeriod,
    latePosting: options.latePosting,
    ...options.totals,
    lines: options.lines.map((l) => ({
      lineNo: l.lineNo,
      kind: l.kind,
      description: l.description,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      taxCode: l.taxCode,
      taxRate: l.taxRate,
      taxAmount: l.taxAmount,
      servicePeriodStart: l.servicePeriodStart,
      servicePeriodEnd: l.servicePeriodEnd,
      creditedLineId: l.creditedLineId ?? null,
    })),
  };
}
