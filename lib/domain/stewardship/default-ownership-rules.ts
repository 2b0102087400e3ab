// The default data-stewardship rules of DESIGN.md §6, seeded by the reference-data
// migration. Fields are canonical column names; "*" covers the rest of the domain. An
// ADMIN may change them later (/api/v1/ownership-rules); the migration never overwrites.
import type { EntityType, SystemKind } from '../../db/generated/enums.ts';

export interface DefaultOwnershipRule {
  domain: EntityType;
  field: string;
  owningSystem: SystemKind;
}

const rule = (domain: EntityType, field: string, owningSystem: SystemKind): DefaultOwnershipRule => ({ domain, field, owningSystem });

export const DEFAULT_OWNERSHIP_RULES: readonly DefaultOwnershipRule[] = [
  // CRM: opportunity/quote and prospect data; a client is created from the CRM.
  rule('Quote', '*', 'CRM'),
  rule('QuoteVersion', '*', 'CRM'),
  rule('QuoteLine', '*', 'CRM'),
  rule('Client', '*', 'CRM'),
  rule('Client', 'name', 'CRM'),
  rule('Client', 'parentId', 'CRM'),
  // ERP: the legal customer record, bill-to and terms.
  rule('Client', 'legalName', 'ERP'),
  rule('Client', 'billToLegalEntityId', 'ERP'),
  rule('Client', 'billingCurrency', 'ERP'),
  rule('Client', 'billingAddress', 'ERP'),
  rule('Client', 'paymentTermsDays', 'ERP'),
  rule('Client', 'country', 'ERP'),
  rule('Client', 'taxNexus', 'ERP'),
  rule('Client', 'taxExempt', 'ERP'),
  rule('Client', 'status', 'ERP'),
  // Threadline computes account health and pushes it to the CRM.
  rule('Client', 'health', 'THREADLINE'),
  rule('Client', 'healthReason', 'THREADLINE'),
  // HCM: employees, cost rates and cost centers.
  rule('Employee', '*', 'HCM'),
  // The engagement is Threadline's canonical record; the PSA owns the project side of it.
  rule('Engagement', '*', 'THREADLINE'),
  rule('Engagement', 'psaProjectId', 'PSA'),
  rule('Engagement', 'startDate', 'PSA'),
  rule('Engagement', 'endDate', 'PSA'),
  rule('Engagement', 'erpProjectId', 'ERP'),
  rule('TimeTransaction', '*', 'PSA'),
  rule('Milestone', 'completedAt', 'PSA'),
  rule('Milestone', 'approvedAt', 'PSA'),
  rule('Milestone', 'approvedBy', 'PSA'),
  // ERP: invoices and receivables.
  rule('Invoice', '*', 'ERP'),
  rule('CashApplication', '*', 'ERP'),
  // Settlement: one owner per field, so the bank (the final word on cash) owns receipts and
  // the gateway owns what only it knows: refunds and disputes.
  rule('CashReceipt', '*', 'BANK'),
  rule('CashReceipt', 'refundedAmount', 'PAYMENTS'),
  rule('Dispute', '*', 'PAYMENTS'),
];
