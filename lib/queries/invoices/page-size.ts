// Page sizes of the invoices list. Every item carries its lines and their sources (a weekly
// T&M invoice bills hundreds of time entries), so pages are smaller than elsewhere.
export const DEFAULT_INVOICE_PAGE_SIZE = 25;
export const MAX_INVOICE_PAGE_SIZE = 100;
