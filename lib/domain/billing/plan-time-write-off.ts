// What writing off approved, unbilled time takes off the books (DESIGN.md §7 "write-offs",
// UNBILLED_APPROVED_TIME approved): the amount billing would have invoiced for exactly those
// entries. It is billTimeAndMaterials run on them — one line per billing week, role and rate,
// each rounded once — so the write-off and the invoice it replaces can never disagree. An
// entry billing would hold (no rate, priced in another currency) is written off at no amount
// and named, so the person sees what the figure leaves out.
import { formatMinor } from '../money/currency.ts';
import { dec, sum } from '../money/decimal.ts';
import { addDays, type IsoDate } from '../periods/calendar-date.ts';
import { billTimeAndMaterials } from './bill-time-and-materials.ts';
import type { HeldSource } from './invoice-draft.ts';

export interface WriteOffTimeEntry {
  id: string;
  workDate: IsoDate;
  hours: string;
  /** ServiceRole.code. */
  role: string;
  /** TimeTransaction.rateApplied; null when no rate was found. */
  rateApplied: string | null;
  currency: string;
}

export interface TimeWriteOffLine {
  /** The billing period the invoice line would have had ('2026-W11'). */
  billingPeriodKey: string;
  role: string;
  rate: string;
  hours: string;
  amount: string;
  entryIds: string[];
}

export interface TimeWriteOffPlan {
  currency: string;
  entries: number;
  hours: string;
  /** Σ of the lines, with the currency's decimals. */
  amount: string;
  lines: TimeWriteOffLine[];
  /** Entries billing would have held: written off without an amount. */
  unpriced: { id: string; workDate: IsoDate; hours: string; reason: HeldSource['code']; message: string }[];
}

export function planTimeWriteOff(options: { engagementId: string; currency: string; entries: readonly WriteOffTimeEntry[]; asOf: IsoDate }): TimeWriteOffPlan {
  const currency = options.currency.toUpperCase();
  const latest = options.entries.reduce<IsoDate>((max, e) => (e.workDate > max ? e.workDate : max), options.asOf);
  const billing = billTimeAndMaterials({
    engagementId: options.engagementId,
    currency,
    // Every entry's week counts, even one not ended yet (a write-off is not a billing run).
    asOf: addDays(latest, 7),
    timeTransactions: options.entries.map((e) => ({ ...e, billable: true, approvalStatus: 'APPROVED' as const, superseded: false, invoiceLineId: null, reversalInvoiceLineId: null })),
    expenses: [],
    fx: () => null,
  });
  const lines = billing.invoices.flatMap((invoice) =>
    invoice.lines.map((line) => ({
      billingPeriodKey: invoice.billingPeriodKey,
      role: line.role ?? '',
      rate: line.unitPrice,
      hours: line.quantity,
      amount: line.amount,
      entryIds: line.sources.map((s) => s.sourceId),
    })),
  );
  const byId = new Map(options.entries.map((e) => [e.id, e]));
  const unpriced = billing.held.flatMap((h) => {
    const entry = byId.get(h.sourceId);
    return entry ? [{ id: entry.id, workDate: entry.workDate, hours: dec(entry.hours).toString(), reason: h.code, message: h.message }] : [];
  });
  return {
    currency,
    entries: options.entries.length,
    hours: sum(options.entries.map((e) => e.hours)).toFixed(2),
    amount: formatMinor(sum(lines.map((l) => l.amount)), currency),
    lines,
    unpriced,
  };
}

