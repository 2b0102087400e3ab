// The words and badge tones of the engagements, invoices and cash pages, in one place so
// the three pages describe the same states the same way.
import type { BillingModel, CashApplicationMethod, CashReceiptStatus, DeductionStatus, EngagementStatus, InvoiceStatus, MilestoneStatus } from '@/lib/db/generated/enums';
import type { MatchEvidence } from '@/lib/domain/cash/suggest-matches';
import type { BadgeTone } from '@/components/ui/badge';

export const billingModelLabels: Record<BillingModel, string> = {
  FIXED_FEE_MILESTONE: 'Fixed fee',
  TIME_AND_MATERIALS: 'Time & materials',
  RETAINER_WITH_OVERAGE: 'Retainer',
};

export const engagementStatusLabels: Record<EngagementStatus, string> = { SHELL: 'Waiting for activation', ACTIVE: 'Active', CLOSED: 'Closed' };
export const engagementStatusTones: Record<EngagementStatus, BadgeTone> = { SHELL: 'warning', ACTIVE: 'accent', CLOSED: 'muted' };

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  DRAFT: 'Draft',
  AWAITING_TAX: 'Waiting for tax',
  ISSUED: 'Issued',
  POSTED: 'Posted to ERP',
  PARTIALLY_PAID: 'Partially paid',
  PAID: 'Paid',
  VOID: 'Void',
};
export const invoiceStatusTones: Record<InvoiceStatus, BadgeTone> = {
  DRAFT: 'muted',
  AWAITING_TAX: 'warning',
  ISSUED: 'neutral',
  POSTED: 'neutral',
  PARTIALLY_PAID: 'warning',
  PAID: 'accent',
  VOID: 'muted',
};

export const receiptStatusLabels: Record<CashReceiptStatus, string> = { UNAPPLIED: 'Unapplied', PARTIALLY_APPLIED: 'Partly applied', APPLIED: 'Applied', REFUNDED: 'Refunded' };
export const receiptStatusTones: Record<CashReceiptStatus, BadgeTone> = { UNAPPLIED: 'danger', PARTIALLY_APPLIED: 'warning', APPLIED: 'accent', REFUNDED: 'muted' };

export const methodLabels: Record<CashApplicationMethod, string> = { REMITTANCE: 'Remittance', EXACT_AMOUNT: 'Exact amount', SUBSET_SUM: 'Sum of invoices', MANUAL: 'By hand' };

export const deductionStatusLabels: Record<DeductionStatus, string> = { NONE: '', PENDING_APPROVAL: 'Deduction awaiting decision', APPROVED: 'Deduction approved', REJECTED: 'Deduction rejected' };

export const milestoneStatusLabels: Record<MilestoneStatus, string> = { PLANNED: 'Planned', COMPLETED: 'Completed, not billable', BILLABLE: 'Billable', INVOICED: 'Invoiced', CANCELLED: 'Cancelled' };
export const milestoneStatusTones: Record<MilestoneStatus, BadgeTone> = { PLANNED: 'muted', COMPLETED: 'warning', BILLABLE: 'accent', INVOICED: 'neutral', CANCELLED: 'muted' };

export const evidenceLabels: Record<MatchEvidence, string> = {
  AMOUNT_EXACT: 'Exact amount',
  AMOUNT_COVERS_INVOICE: 'Covers the balance',
  AMOUNT_PARTIAL: 'Part of the balance',
  REFERENCE: 'Named in the remittance',
  SAME_CLIENT: 'Same client',
  CLIENT_HIERARCHY: 'Client hierarchy',
  WITHIN_TERMS: 'Paid within terms',
  NEAR_TERMS: 'Paid shortly after due',
};
