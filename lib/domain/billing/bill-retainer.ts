// Retainer with overage (DESIGN.md §6). The invoice for month M is due on the first day of
// M and carries
//   - M's fee, in advance (MS-RETAINER; source RETAINER_FEE keyed by plan and month), and
//   - the usage of M−1 above the included units, in arrears, at the overage rate
//     (MS-OVERAGE; the usage records are the sources, periodKey M−1).
// After the last month a closing invoice on the first day of the following month bills the
// final month's overage. Every month due by asOf and not yet billed gets its own invoice
// (billingPeriodKey 'YYYY-MM'), so a late run catches up month by month. Usage recorded
// after its month's overage was invoiced is billed on the next run's invoice for that same
// month key, as the overage increment it causes.
// No proration: the term is whole calendar months (the quote sends startMonth, not a day),
// so the first and last months carry the full fee; a mid-month start is a commercial term
// to put in the fee, not something billing infers.
import { dec, sum, max, type Decimal, type DecimalInput } from '../money/decimal.ts';
import { addMonths, firstDayOfMonth, lastDayOfMonth, type IsoDate, type YearMonth } from '../periods/calendar-date.ts';
import { retainerFeeKey, usageRecordKey } from './billing-key.ts';
import { decimalText, draftLine, draftSource, type DraftInvoiceLine, type InvoiceDraft } from './invoice-draft.ts';

/** The retainer terms of a BillingPlan. */
export interface RetainerPlanInput {
  billingPlanId: string;
  monthlyFee: DecimalInput;
  includedUnits: DecimalInput;
  overageRate: DecimalInput;
  startMonth: YearMonth;
  months: number;
}

/** A UsageRecord as the workflow loads it. */
export interface UsageRecordInput {
  id: string;
  period: YearMonth;
  units: DecimalInput;
  /** Orders records within a month (which record's units cross the included amount). */
  recordedAt?: string | null;
  /** The line currently billing its overage; null = not billed. */
  invoiceLineId: string | null;
}

export interface RetainerBilling {
  /** One per month due and not fully billed, oldest first. */
  invoices: InvoiceDraft[];
  /** Usage for months outside the retainer term: never billed here; the workflow reports it. */
  outOfTermUsageRecordIds: string[];
}

export function billRetainer(options: {
  engagementId: string;
  currency: string;
  asOf: IsoDate;
  plan: RetainerPlanInput;
  /** Months whose RETAINER_FEE billing key is in force (from InvoiceLineSource.periodKey). */
  billedFeeMonths: readonly YearMonth[];
  usageRecords: readonly UsageRecordInput[];
}): RetainerBilling {
  const { engagementId, asOf, plan } = options;
  const currency = options.currency.toUpperCase();
  if (!Number.isSafeInteger(plan.months) || plan.months < 1) throw new RangeError(`A retainer runs at least one month, got ${plan.months}`);
  const lastMonth = addMonths(plan.startMonth, plan.months - 1);
  const inTerm = (month: YearMonth) => plan.startMonth <= month && month <= lastMonth;
  const billedFees = new Set(options.billedFeeMonths);

  const invoices: InvoiceDraft[] = [];
  // The term's months plus the closing month that bills the last month's overage.
  for (let i = 0; i <= plan.months; i++) {
    const month = addMonths(plan.startMonth, i);
    const dueOn = firstDayOfMonth(month);
    if (dueOn > asOf) break;
    const lines: DraftInvoiceLine[] = [];
    if (inTerm(month) && !billedFees.has(month)) lines.push(feeLine(plan, month, currency));
    const previous = addMonths(month, -1);
    if (inTerm(previous)) {
      const overage = overageLine(plan, previous, options.usageRecords.filter((r) => r.period === previous), currency);
      if (overage) lines.push(overage);
    }
    if (lines.length === 0) continue;
    invoices.push({
      engagementId,
      currency,
      billingPeriodKey: month,
      servicePeriodStart: lines.map((l) => l.servicePeriodStart as IsoDate).sort()[0] ?? null,
      servicePeriodEnd: lines.map((l) => l.servicePeriodEnd as IsoDate).sort().at(-1) ?? null,
      eligibleOn: dueOn,
      lines,
    });
  }
  const outOfTermUsageRecordIds = options.usageRecords.filter((r) => !inTerm(r.period)).map((r) => r.id);
  return { invoices, outOfTermUsageRecordIds };
}

function feeLine(plan: RetainerPlanInput, month: YearMonth, currency: string): DraftInvoiceLine {
  return draftLine({
    kind: 'RETAINER_FEE',
    description: `Retainer fee, ${month}`,
    sku: 'MS-RETAINER',
    quantity: 1,
    unitPrice: plan.monthlyFee,
    currency,
    servicePeriodStart: firstDayOfMonth(month),
    servicePeriodEnd: lastDayOfMonth(month),
    sources: [
      draftSource({
        kind: 'RETAINER_FEE',
        billingKey: retainerFeeKey(plan.billingPlanId, month),
        sourceId: plan.billingPlanId,
        periodKey: month,
        quantity: 1,
        rate: plan.monthlyFee,
        amount: plan.monthlyFee,
        currency,
      }),
    ],
  });
}

/**
 * Overage of one month = units above the included ones. Records already billed count first;
 * each unbilled record (in recording order) is charged for the overage its units add, so the
 * sources add up to exactly the month's new overage and a late record bills only the increment.
 */
function overageLine(plan: RetainerPlanInput, month: YearMonth, records: readonly UsageRecordInput[], currency: string): DraftInvoiceLine | null {
  const rate = dec(plan.overageRate);
  const included = dec(plan.includedUnits);
  const unbilled = records
    .filter((r) => r.invoiceLineId === null)
    .sort((a, b) => compareText(a.recordedAt ?? '', b.recordedAt ?? '') || compareText(a.id, b.id));
  // A zero overage rate charges nothing: no line rather than a line of zeros.
  if (unbilled.length === 0 || rate.isZero()) return null;

  const over = (units: Decimal) => max(0, units.minus(included));
  let cumulative = sum(records.filter((r) => r.invoiceLineId !== null).map((r) => r.units));
  const shares = unbilled.map((record) => {
    const before = cumulative;
    cumulative = cumulative.plus(dec(record.units));
    return { record, overUnits: over(cumulative).minus(over(before)) };
  });
  const overUnits = sum(shares.map((s) => s.overUnits));
  if (!overUnits.greaterThan(0)) return null; // still within the included units

  return draftLine({
    kind: 'USAGE_OVERAGE',
    description: `Usage above ${decimalText(included)} included units, ${month}`,
    sku: 'MS-OVERAGE',
    quantity: overUnits,
    unitPrice: rate,
    currency,
    servicePeriodStart: firstDayOfMonth(month),
    servicePeriodEnd: lastDayOfMonth(month),
    // Records within the included units ride along at zero: the month's usage is then settled.
    sources: shares.map(({ record, overUnits: units }) =>
      draftSource({
        kind: 'USAGE_RECORD',
        billingKey: usageRecordKey(record.id),
        sourceId: record.id,
        periodKey: month,
        quantity: units,
        rate,
        amount: units.times(rate),
        currency,
      }),
    ),
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
