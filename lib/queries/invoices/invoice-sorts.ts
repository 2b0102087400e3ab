// The orders the console's invoices list offers (?sort= and its column headers).
export const INVOICE_LIST_SORTS = ['-createdAt', 'createdAt', 'dueDate', '-dueDate', '-balanceDue', 'balanceDue'] as const;
export type InvoiceListSort = (typeof INVOICE_LIST_SORTS)[number];
