// Which invoices cash may be applied to, and in which order "oldest first" means.
import type { InvoiceStatus } from '../../db/generated/enums.ts';
import { dec } from '../money/decimal.ts';
import type { InvoiceToMatch } from './cash-types.ts';

// Issued to the client and not settled. DRAFT/AWAITING_TAX were never sent, PAID and VOID
// are closed: cash named against them stays unapplied for a person to look at.
const OPEN_STATUSES: ReadonlySet<InvoiceStatus> = new Set<InvoiceStatus>(['ISSUED', 'POSTED', 'PARTIALLY_PAID']);

export function isOpenForCash(invoice: InvoiceToMatch): boolean {
  return (invoice.kind ?? 'INVOICE') === 'INVOICE' && OPEN_STATUSES.has(invoice.status) && dec(invoice.balanceDue).greaterThan(0);
}

export function sameCurrency(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** Oldest first: issue date, then due date (none last), then number and id so ties are stable. */
export function compareOldestFirst(a: InvoiceToMatch, b: InvoiceToMatch): number {
  return (
    a.issuedAt.getTime() - b.issuedAt.getTime() ||
    (a.dueDate?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueDate?.getTime() ?? Number.POSITIVE_INFINITY) ||
    compareText(a.number, b.number) ||
    compareText(a.id, b.id)
  );
}

/** Payers write numbers loosely ("inv-000123 ", "INV-000123"): compare trimmed and upper-cased. */
export function normalizeInvoiceNumber(value: string): string {
  return value.trim().toUpperCase();
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
