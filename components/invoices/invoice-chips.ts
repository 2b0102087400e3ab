// The invoices list's active filters as chips (the dashboard's drill-downs set several).
import type { CreditNoteReason, InvoiceKind } from '@/lib/db/generated/enums';
import { activeChips, labelFrom, periodChip, valueChip, type FilterChip } from '@/components/ui/filter-chips-model';
import { invoiceStatusLabels } from '@/components/cash/money-labels';

const kindLabels: Record<InvoiceKind, string> = { INVOICE: 'Invoices', CREDIT_NOTE: 'Credit notes' };
const reasonLabels: Record<CreditNoteReason, string> = { BILLING_ERROR: 'Billing error', TIME_ADJUSTMENT: 'Time adjustment', CANCELLATION: 'Cancellation', DEDUCTION: 'Deduction', DISPUTE: 'Dispute', WRITE_OFF: 'Write-off' };

/** The URL parameters the chips stand for: the filter form keeps them as hidden fields. */
export const INVOICE_DRILL_DOWN_KEYS = ['region', 'kind', 'reason', 'issuedFrom', 'issuedTo', 'eligibleFrom', 'eligibleTo'] as const;

export function invoiceChips(params: URLSearchParams): FilterChip[] {
  return activeChips([
    valueChip(params, 'kind', labelFrom(kindLabels)),
    valueChip(params, 'reason', labelFrom(reasonLabels), 'Reason: '),
    valueChip(params, 'status', labelFrom(invoiceStatusLabels)),
    periodChip(params, 'issued', 'Issued'),
    periodChip(params, 'eligible', 'Eligible'),
    valueChip(params, 'legalEntity'),
    valueChip(params, 'region', undefined, 'Region '),
  ]);
}
