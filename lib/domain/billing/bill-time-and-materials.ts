// Time and materials (DESIGN.md §6): billed weekly per ISO week (Monday–Sunday), once the
// week has ended. One invoice per engagement and week holds
//   - the week's approved, billable, unbilled time, one line per (role, rate): quantity =
//     hours, amount = round(Σ hours × rate) — rounded once per line, never per entry;
//   - reversals (negative ADJUSTMENT lines, TIME_REVERSAL sources) of entries that were
//     invoiced and then superseded by a resubmitted timesheet. A resubmission's
//     replacement entries fall in the same week, so the reversal lands on the same
//     invoice as the re-billed time and that invoice carries the net difference (which
//     can be negative — see assemble-invoice);
//   - the week's billable, approved, unbilled expenses, one line each, converted to the
//     engagement currency with the rate of the expense date.
// Late-approved time of an already-invoiced week simply makes another invoice for that week.
import type { ApprovalStatus } from '../../db/generated/enums.ts';
import { formatMinor } from '../money/currency.ts';
import { dec, sum, type Decimal, type DecimalInput } from '../money/decimal.ts';
import type { IsoDate } from '../periods/calendar-date.ts';
import { isoWeekOf, type IsoWeek } from '../periods/iso-week.ts';
import { expenseKey, timeReversalKey, timeTransactionKey } from './billing-key.ts';
import { convertCurrency, type FxLookup } from './convert-currency.ts';
import { decimalText, draftLine, draftSource, type DraftInvoiceLine, type HeldSource, type InvoiceDraft } from './invoice-draft.ts';

/** A TimeTransaction as the workflow loads it. */
export interface TimeTransactionInput {
  id: string;
  workDate: IsoDate;
  hours: DecimalInput;
  /** ServiceRole.code. */
  role: string;
  /** The SKU of the rate card line that priced it (ADV-SENIOR…), when known. */
  sku?: string | null;
  billable: boolean;
  approvalStatus: ApprovalStatus;
  /** Priced when recorded (price-time-entry); null when no rate was found. */
  rateApplied: DecimalInput | null;
  currency: string;
  superseded: boolean;
  /** The line currently billing it; null = unbilled. */
  invoiceLineId: string | null;
  /** The line currently reversing it (after supersession); null = not reversed. */
  reversalInvoiceLineId: string | null;
}

/** An Expense as the workflow loads it. */
export interface ExpenseInput {
  id: string;
  expenseDate: IsoDate;
  amount: DecimalInput;
  currency: string;
  billable: boolean;
  approvalStatus: ApprovalStatus;
  /** The SKU it bills under (EXP-TRAVEL). */
  category: string;
  description?: string | null;
  invoiceLineId: string | null;
}

export interface TimeAndMaterialsBilling {
  /** One per engagement and ISO week with anything to bill, oldest week first. */
  invoices: InvoiceDraft[];
  held: HeldSource[];
}

interface PricedEntry {
  entry: TimeTransactionInput;
  rate: Decimal;
}

interface WeekBucket {
  week: IsoWeek;
  time: PricedEntry[];
  reversals: PricedEntry[];
  expenses: DraftInvoiceLine[];
}

export function billTimeAndMaterials(options: {
  engagementId: string;
  /** The engagement currency. */
  currency: string;
  asOf: IsoDate;
  timeTransactions: readonly TimeTransactionInput[];
  expenses: readonly ExpenseInput[];
  fx: FxLookup;
}): TimeAndMaterialsBilling {
  const { engagementId, asOf, fx } = options;
  const currency = options.currency.toUpperCase();
  const held: HeldSource[] = [];
  const weeks = new Map<string, WeekBucket>();
  const bucket = (date: IsoDate): WeekBucket | null => {
    const week = isoWeekOf(date);
    if (week.end > asOf) return null; // the week has not ended yet
    let found = weeks.get(week.key);
    if (!found) weeks.set(week.key, (found = { week, time: [], reversals: [], expenses: [] }));
    return found;
  };
  const priced = (t: TimeTransactionInput, kind: 'TIME_TRANSACTION' | 'TIME_REVERSAL'): PricedEntry | null => {
    if (t.rateApplied === null) {
      held.push({ sourceKind: kind, sourceId: t.id, code: 'RATE_CARD_MISSING', message: `No rate for ${t.role} on ${t.workDate}` });
      return null;
    }
    if (t.currency.toUpperCase() !== currency) {
      held.push({ sourceKind: kind, sourceId: t.id, code: 'CURRENCY_MISMATCH', message: `Time priced in ${t.currency}, engagement bills in ${currency}` });
      return null;
    }
    return { entry: t, rate: dec(t.rateApplied) };
  };

  for (const t of options.timeTransactions) {
    if (!t.billable || t.approvalStatus !== 'APPROVED') continue; // non-billable time is never billed
    const toBill = !t.superseded && t.invoiceLineId === null;
    // Invoiced, then superseded, and not yet reversed: the client was billed for hours that no longer stand.
    const toReverse = t.superseded && t.invoiceLineId !== null && t.reversalInvoiceLineId === null;
    if (!toBill && !toReverse) continue;
    const target = bucket(t.workDate);
    const entry = target && priced(t, toBill ? 'TIME_TRANSACTION' : 'TIME_REVERSAL');
    if (entry) (toBill ? target.time : target.reversals).push(entry);
  }

  for (const e of [...options.expenses].sort((a, b) => compareText(a.expenseDate, b.expenseDate) || compareText(a.id, b.id))) {
    if (!e.billable || e.approvalStatus !== 'APPROVED' || e.invoiceLineId !== null) continue;
    const target = bucket(e.expenseDate);
    if (!target) continue;
    const converted = convertCurrency({ amount: e.amount, from: e.currency, to: currency, date: e.expenseDate, fx });
    if (!converted.ok) {
      held.push({ sourceKind: 'EXPENSE', sourceId: e.id, code: 'FX_RATE_MISSING', message: `No ${converted.from}→${converted.to} rate on ${e.expenseDate}` });
      continue;
    }
    target.expenses.push(expenseLine(e, currency, converted.amount, converted.fxRate));
  }

  const invoices = [...weeks.values()]
    .sort((a, b) => compareText(a.week.key, b.week.key))
    .map((b) => ({
      engagementId,
      currency,
      billingPeriodKey: b.week.key,
      servicePeriodStart: b.week.start,
      servicePeriodEnd: b.week.end,
      eligibleOn: b.week.end,
      lines: [...timeLines(b.time, b.week, currency, 'TIME'), ...timeLines(b.reversals, b.week, currency, 'ADJUSTMENT'), ...b.expenses],
    }))
    .filter((invoice) => invoice.lines.length > 0);
  return { invoices, held };
}

/** One line per (role, rate); reversals are the same grouping with the signs flipped. */
function timeLines(entries: readonly PricedEntry[], week: IsoWeek, currency: string, kind: 'TIME' | 'ADJUSTMENT'): DraftInvoiceLine[] {
  const sign = kind === 'TIME' ? 1 : -1;
  const groups = new Map<string, { role: string; rate: Decimal; entries: TimeTransactionInput[] }>();
  for (const { entry, rate } of entries) {
    const key = `${entry.role}|${rate.toString()}`;
    const group = groups.get(key) ?? { role: entry.role, rate, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => compareText(a.role, b.role) || a.rate.comparedTo(b.rate))
    .map(({ role, rate, entries: group }) => {
      const ordered = [...group].sort((a, b) => compareText(a.workDate, b.workDate) || compareText(a.id, b.id));
      const sources = ordered.map((t) => {
        const hours = dec(t.hours).times(sign);
        return draftSource({
          kind: kind === 'TIME' ? 'TIME_TRANSACTION' : 'TIME_REVERSAL',
          billingKey: kind === 'TIME' ? timeTransactionKey(t.id) : timeReversalKey(t.id),
          sourceId: t.id,
          quantity: hours,
          rate,
          amount: hours.times(rate),
          currency,
        });
      });
      return draftLine({
        kind,
        description: kind === 'TIME' ? `${role} time, ${week.key}` : `Reversal of superseded ${role} time, ${week.key}`,
        sku: ordered.find((t) => t.sku)?.sku ?? null,
        role,
        quantity: sum(sources.map((s) => s.quantity as string)),
        unitPrice: rate,
        currency,
        servicePeriodStart: week.start,
        servicePeriodEnd: week.end,
        sources,
      });
    });
}

function expenseLine(e: ExpenseInput, currency: string, amount: Decimal, fxRate: Decimal | null): DraftInvoiceLine {
  const converted = fxRate !== null;
  const source = draftSource({
    kind: 'EXPENSE',
    billingKey: expenseKey(e.id),
    sourceId: e.id,
    quantity: 1,
    amount,
    currency,
    sourceAmount: converted ? e.amount : null,
    sourceCurrency: converted ? e.currency.toUpperCase() : null,
    fxRate,
  });
  // Billed at cost: one unit at the converted amount, rounded like any line.
  return draftLine({
    kind: 'EXPENSE',
    description: `${e.category} ${e.expenseDate}${e.description ? `: ${e.description}` : ''}${converted ? ` (${decimalText(e.amount)} ${e.currency.toUpperCase()})` : ''}`,
    sku: e.category,
    quantity: 1,
    unitPrice: formatMinor(amount, currency),
    currency,
    servicePeriodStart: e.expenseDate,
    servicePeriodEnd: e.expenseDate,
    sources: [source],
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
