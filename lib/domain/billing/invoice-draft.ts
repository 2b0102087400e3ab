// The shape every billing model produces and assemble-invoice consumes: an invoice draft
// whose lines know their sources (DESIGN.md §4, §9). Amounts cross as decimal strings:
// a line's amount is rounded half-up at the currency's minor unit (the one rounding, per
// line, DESIGN.md §3); a source's amount is its exact, unrounded contribution.
import type { InvoiceLineKind, InvoiceLineSourceKind } from '../../db/generated/enums.ts';
import { formatMinor } from '../money/currency.ts';
import { dec, sum, type Decimal, type DecimalInput } from '../money/decimal.ts';
import type { IsoDate } from '../periods/calendar-date.ts';

/** One InvoiceLineSource row to write. */
export interface DraftLineSource {
  kind: InvoiceLineSourceKind;
  /** Unique while in force: the database's guard against billing twice (billing-key.ts). */
  billingKey: string;
  /** The time transaction, milestone, expense or usage record — or the billing plan for a RETAINER_FEE. */
  sourceId: string;
  /** Retainer / usage month, 'YYYY-MM'. */
  periodKey: string | null;
  quantity: string | null;
  rate: string | null;
  /** In the invoice currency, unrounded. */
  amount: string;
  currency: string;
  /** Set when the source is in another currency (expenses): what it was and the rate used. */
  sourceAmount: string | null;
  sourceCurrency: string | null;
  fxRate: string | null;
}

/** One InvoiceLine row to write (before tax). */
export interface DraftInvoiceLine {
  kind: InvoiceLineKind;
  description: string;
  /** ServiceCatalogItem.sku (ADV-SENIOR, FF-TRANSFORM, MS-RETAINER, MS-OVERAGE, EXP-TRAVEL…). */
  sku: string | null;
  /** ServiceRole.code for time lines. */
  role: string | null;
  quantity: string;
  unitPrice: string;
  /** round(Σ source amounts) at the currency's minor unit, with exactly its decimals. */
  amount: string;
  currency: string;
  servicePeriodStart: IsoDate | null;
  servicePeriodEnd: IsoDate | null;
  sources: DraftLineSource[];
}

export interface InvoiceDraft {
  engagementId: string;
  currency: string;
  /** Invoice.billingPeriodKey: '2026-W14' (T&M), '2026-03' (retainer), milestone refs (fixed fee). */
  billingPeriodKey: string;
  servicePeriodStart: IsoDate | null;
  servicePeriodEnd: IsoDate | null;
  /** When the earliest line became billable (Invoice.eligibleAt, for invoice timeliness). */
  eligibleOn: IsoDate;
  lines: DraftInvoiceLine[];
}

/** Something that would be billed now but cannot be; the workflow raises the exception. */
export interface HeldSource {
  sourceKind: InvoiceLineSourceKind;
  sourceId: string;
  code: 'RATE_CARD_MISSING' | 'CURRENCY_MISMATCH' | 'FX_RATE_MISSING';
  message: string;
}

export interface SourceSpec {
  kind: InvoiceLineSourceKind;
  billingKey: string;
  sourceId: string;
  periodKey?: string | null;
  quantity?: DecimalInput | null;
  rate?: DecimalInput | null;
  amount: DecimalInput;
  currency: string;
  sourceAmount?: DecimalInput | null;
  sourceCurrency?: string | null;
  fxRate?: DecimalInput | null;
}

export function draftSource(spec: SourceSpec): DraftLineSource {
  return {
    kind: spec.kind,
    billingKey: spec.billingKey,
    sourceId: spec.sourceId,
    periodKey: spec.periodKey ?? null,
    quantity: optionalText(spec.quantity),
    rate: optionalText(spec.rate),
    amount: decimalText(spec.amount),
    currency: spec.currency,
    sourceAmount: optionalText(spec.sourceAmount),
    sourceCurrency: spec.sourceCurrency ?? null,
    fxRate: optionalText(spec.fxRate),
  };
}

/** A line whose amount is, by construction, the rounded sum of its sources. */
export function draftLine(spec: {
  kind: InvoiceLineKind;
  description: string;
  sku?: string | null;
  role?: string | null;
  quantity: DecimalInput;
  unitPrice: DecimalInput;
  currency: string;
  servicePeriodStart?: IsoDate | null;
  servicePeriodEnd?: IsoDate | null;
  sources: readonly DraftLineSource[];
}): DraftInvoiceLine {
  return {
    kind: spec.kind,
    description: spec.description,
    sku: spec.sku ?? null,
    role: spec.role ?? null,
    quantity: decimalText(spec.quantity),
    unitPrice: decimalText(spec.unitPrice),
    amount: formatMinor(sum(spec.sources.map((s) => s.amount)), spec.currency),
    currency: spec.currency,
    servicePeriodStart: spec.servicePeriodStart ?? null,
    servicePeriodEnd: spec.servicePeriodEnd ?? null,
    sources: [...spec.sources],
  };
}

/** The typed foreign key of InvoiceLineSource that a source's kind fills. */
export function sourceForeignKey(source: Pick<DraftLineSource, 'kind' | 'sourceId'>): {
  timeTransactionId?: string;
  milestoneId?: string;
  expenseId?: string;
  usageRecordId?: string;
  billingPlanId?: string;
} {
  switch (source.kind) {
    case 'TIME_TRANSACTION':
    case 'TIME_REVERSAL':
      return { timeTransactionId: source.sourceId };
    case 'MILESTONE':
      return { milestoneId: source.sourceId };
    case 'EXPENSE':
      return { expenseId: source.sourceId };
    case 'USAGE_RECORD':
      return { usageRecordId: source.sourceId };
    case 'RETAINER_FEE':
      return { billingPlanId: source.sourceId };
  }
}

/** Exact decimal text, never an exponent and never "-0". */
export function decimalText(value: DecimalInput | Decimal): string {
  return dec(value).toString();
}

function optionalText(value: DecimalInput | null | undefined): string | null {
  return value === null || value === undefined ? null : decimalText(value);
}
