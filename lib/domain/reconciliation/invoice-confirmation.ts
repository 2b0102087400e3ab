// Invoices posted in Threadline but not confirmed by the ERP (DESIGN.md §8): an issued
// invoice or credit note gets a POST_INVOICE / POST_CREDIT_NOTE command and the ERP answers
// with q2c.invoice.posted.v1. Until then the client's receivable exists in Threadline only.
// Past the grace period without a confirmation it is a finding; the confirmation clears it.
import type { InvoiceStatus } from '../../db/generated/enums.ts';
import { isPastGrace } from './reconciliation-jobs.ts';

/** Issued and not voided: the ERP should have it (paid ones too — cash can arrive first). */
export const CONFIRMABLE_STATUSES: readonly InvoiceStatus[] = ['ISSUED', 'PARTIALLY_PAID', 'PAID'];

export function isUnconfirmedInvoice(invoice: { status: InvoiceStatus; issuedAt: Date | null; postedAt: Date | null }, options: { asOf: Date; graceHours: number }): boolean {
  if (!CONFIRMABLE_STATUSES.includes(invoice.status) || !invoice.issuedAt || invoice.postedAt) return false;
  return isPastGrace(invoice.issuedAt, options.asOf, options.graceHours);
}
