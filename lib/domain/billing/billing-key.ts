// The billing key of an invoice-line source: the one string that says "this is billed".
// InvoiceLineSource.billingKey is UNIQUE while the billing is in force and cleared when the
// invoice is voided or credited, so the database refuses double billing and allows re-billing.
// Format: '<InvoiceLineSourceKind>:<id>' — plus ':<YYYY-MM>' for a retainer month, which is
// billed against the billing plan rather than a row of its own.
import type { InvoiceLineSourceKind } from '../../db/generated/enums.ts';
import { isYearMonth, type YearMonth } from '../periods/calendar-date.ts';

export type BillingKeyParts =
  | { kind: Exclude<InvoiceLineSourceKind, 'RETAINER_FEE'>; sourceId: string }
  | { kind: 'RETAINER_FEE'; sourceId: string; periodKey: YearMonth };

export function billingKey(parts: BillingKeyParts): string {
  if (!parts.sourceId || parts.sourceId.includes(':')) throw new RangeError(`A billing key needs an id without ':' (got "${parts.sourceId}")`);
  if (parts.kind !== 'RETAINER_FEE') return `${parts.kind}:${parts.sourceId}`;
  if (!isYearMonth(parts.periodKey)) throw new RangeError(`A retainer fee is keyed by its month (YYYY-MM), got "${parts.periodKey}"`);
  return `RETAINER_FEE:${parts.sourceId}:${parts.periodKey}`;
}

export const timeTransactionKey = (id: string) => billingKey({ kind: 'TIME_TRANSACTION', sourceId: id });
export const timeReversalKey = (id: string) => billingKey({ kind: 'TIME_REVERSAL', sourceId: id });
export const milestoneKey = (id: string) => billingKey({ kind: 'MILESTONE', sourceId: id });
export const expenseKey = (id: string) => billingKey({ kind: 'EXPENSE', sourceId: id });
export const usageRecordKey = (id: string) => billingKey({ kind: 'USAGE_RECORD', sourceId: id });
export const retainerFeeKey = (billingPlanId: string, month: YearMonth) => billingKey({ kind: 'RETAINER_FEE', sourceId: billingPlanId, periodKey: month });

const KINDS: readonly InvoiceLineSourceKind[] = ['TIME_TRANSACTION', 'TIME_REVERSAL', 'MILESTONE', 'EXPENSE', 'USAGE_RECORD', 'RETAINER_FEE'];

/** Reads a billing key back into its parts; null when it is not one. */
export function parseBillingKey(key: string): BillingKeyParts | null {
  const [kind, sourceId, periodKey, ...rest] = key.split(':');
  if (rest.length > 0 || !sourceId || !KINDS.includes(kind as InvoiceLineSourceKind)) return null;
  if (kind === 'RETAINER_FEE') return periodKey !== undefined && isYearMonth(periodKey) ? { kind, sourceId, periodKey } : null;
  if (periodKey !== undefined) return null;
  return { kind: kind as Exclude<InvoiceLineSourceKind, 'RETAINER_FEE'>, sourceId };
}
