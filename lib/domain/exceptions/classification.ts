// What each exception code means for the queue (DESIGN.md §7): how it can be recovered,
// which team owns it, its SLA and its title. A Record over ExceptionCode, so a new code
// in the schema does not type-check until someone has decided how it is handled.
// docs/EXCEPTIONS.md carries the same table for people.
import type { ExceptionCode, OwnerTeam, Recoverability } from '../../db/generated/enums.ts';

export interface DecisionOptions {
  /** What approving decides, in the words shown next to the button. */
  approve: string;
  reject: string;
}

export interface ExceptionClassification {
  recoverability: Recoverability;
  ownerTeam: OwnerTeam;
  slaHours: number;
  /** `{entity}` is replaced by "<entityType> <entityId>". */
  titleTemplate: string;
  /** Present exactly for DECISION codes: what approve/reject mean for this code. */
  decision?: DecisionOptions;
}

type Rule = Omit<ExceptionClassification, 'slaHours'>;

const dataFix = (ownerTeam: OwnerTeam, titleTemplate: string): Rule => ({ recoverability: 'DATA_FIX', ownerTeam, titleTemplate });
const transient = (titleTemplate: string): Rule => ({ recoverability: 'TRANSIENT', ownerTeam: 'INTEGRATION_OPS', titleTemplate });
const permanent = (titleTemplate: string): Rule => ({ recoverability: 'PERMANENT', ownerTeam: 'INTEGRATION_OPS', titleTemplate });
const decision = (ownerTeam: OwnerTeam, titleTemplate: string, options: DecisionOptions): Rule => ({
  recoverability: 'DECISION',
  ownerTeam,
  titleTemplate,
  decision: options,
});

const rules: Record<ExceptionCode, Rule> = {
  // Validation before creation (§6): the event is held until the data is fixed and replayed.
  CLIENT_NOT_MASTERED: dataFix('DATA_STEWARDSHIP', 'Client hierarchy does not resolve for {entity}'),
  INVALID_LEGAL_ENTITY: dataFix('SALES_OPS', 'Unknown or inactive legal entity on {entity}'),
  MISSING_TAX_PROFILE: dataFix('FINANCE_AR', 'Tax profile missing for {entity}'),
  CURRENCY_MISMATCH: dataFix('SALES_OPS', 'Currency does not match the contract or rate card of {entity}'),
  UNMAPPED_SERVICE_SKU: dataFix('SALES_OPS', 'Service SKU not in the catalog on {entity}'),
  RATE_CARD_MISSING: dataFix('FINANCE_AR', 'No rate card rate for {entity}'),
  TIME_FOR_UNKNOWN_ENGAGEMENT: dataFix('DELIVERY', 'Time submitted for an unknown engagement: {entity}'),
  MILESTONE_MISSING_EVIDENCE: dataFix('DELIVERY', 'Milestone completed without evidence: {entity}'),
  OWNERSHIP_VIOLATION: dataFix('DATA_STEWARDSHIP', 'Change from a system that does not own the field: {entity}'),
  UNKNOWN_EMPLOYEE: dataFix('DATA_STEWARDSHIP', 'Employee not known from HCM: {entity}'),
  UNKNOWN_MILESTONE: dataFix('DELIVERY', 'Milestone not on the billing plan: {entity}'),
  MILESTONE_VALUE_MISMATCH: dataFix('SALES_OPS', 'Milestones do not sum to the contract value of {entity}'),
  // Treasury keeps the rate table; without a rate the group-currency figures are wrong.
  FX_RATE_MISSING: dataFix('FINANCE_AR', 'FX rate missing for {entity}'),
  // Reconciliation findings (§8).
  ORPHANED_PROJECT: dataFix('DELIVERY', 'Project without a contract, or contract without a project: {entity}'),
  QUOTE_CONTRACT_VALUE_MISMATCH: dataFix('SALES_OPS', 'Quote and contract values differ for {entity}'),
  // Re-pushing rarely helps on its own by the time reconciliation finds it; someone has to
  // look at what the ERP has, so it is a data fix for integration ops, not a transient.
  INVOICE_NOT_CONFIRMED: dataFix('INTEGRATION_OPS', 'Invoice not confirmed by the ERP: {entity}'),
  // Retries are exhausted, so it no longer clears on its own: someone finds the cause
  // (data or code), fixes it and replays the event.
  PROCESSING_FAILED: dataFix('INTEGRATION_OPS', 'Event processing kept failing: {entity}'),
  // Retrying on their own (timeouts, backoff); they only need people when they stay.
  OUT_OF_ORDER_GAP: transient('Sequence gap: waiting for a missing version of {entity}'),
  CONNECTOR_DELIVERY_FAILED: transient('Command could not be delivered: {entity}'),
  TAX_ENGINE_UNAVAILABLE: transient('Tax engine unavailable: invoice waits for {entity}'),
  // Cannot be completed by Threadline; handled with the sending system.
  PAYLOAD_CONFLICT: permanent('Same event id sent with a different payload: {entity}'),
  SCHEMA_INVALID: permanent('Event does not match its schema: {entity}'),
  // Money decisions (§1: FINANCE approves deductions, disputes, write-offs).
  UNAPPLIED_CASH: decision('FINANCE_AR', 'Unapplied cash: {entity}', {
    approve: 'Keep it as an on-account credit of the payer',
    reject: 'Return it to the payer',
  }),
  SHORT_PAY_DEDUCTION: decision('FINANCE_AR', 'Short payment with a deduction: {entity}', {
    approve: 'Accept the deduction (write off the short-paid amount)',
    reject: 'Reject the deduction (the balance stays due)',
  }),
  PAYMENT_DISPUTED: decision('FINANCE_AR', 'Payment disputed: {entity}', {
    approve: 'Accept the dispute (concede the amount)',
    reject: 'Contest the dispute',
  }),
  // Finance owns it: the way out is either the next invoice run or a write-off, both theirs.
  UNBILLED_APPROVED_TIME: decision('FINANCE_AR', 'Approved time not billed within the cadence: {entity}', {
    approve: 'Write off the unbilled time',
    reject: 'Keep it billable (it goes on the next invoice run)',
  }),
  LATE_PERIOD_POSTING: decision('FINANCE_AR', 'Posted to the next open period (original period closed): {entity}', {
    approve: 'Accept the posting in the next open period',
    reject: 'Reverse it until the original period is reopened',
  }),
};

/**
 * SLA in hours by recoverability and owner team. Money decisions get two working days,
 * data fixes one (they hold events), master-data stewardship two (changes go through the
 * owning system), transients four hours (past that, retries are not going to fix it),
 * permanent ones three days (they are handled with the sender, outside Threadline).
 */
export const slaHoursTable: Record<Recoverability, Record<OwnerTeam, number>> = {
  TRANSIENT: { INTEGRATION_OPS: 4, SALES_OPS: 4, DELIVERY: 4, FINANCE_AR: 4, DATA_STEWARDSHIP: 4 },
  DATA_FIX: { INTEGRATION_OPS: 24, SALES_OPS: 24, DELIVERY: 24, FINANCE_AR: 24, DATA_STEWARDSHIP: 48 },
  DECISION: { INTEGRATION_OPS: 48, SALES_OPS: 48, DELIVERY: 48, FINANCE_AR: 48, DATA_STEWARDSHIP: 48 },
  PERMANENT: { INTEGRATION_OPS: 72, SALES_OPS: 72, DELIVERY: 72, FINANCE_AR: 72, DATA_STEWARDSHIP: 72 },
};

export function classify(code: ExceptionCode): ExceptionClassification {
  const rule = rules[code];
  if (!rule) throw new RangeError(`Unknown exception code: ${String(code)}`);
  return { ...rule, slaHours: slaHoursTable[rule.recoverability][rule.ownerTeam] };
}

/** The default title of an exception about one entity. */
export function exceptionTitle(code: ExceptionCode, subject: { entityType: string; entityId: string }): string {
  return classify(code).titleTemplate.replaceAll('{entity}', `${subject.entityType} ${subject.entityId}`);
}
