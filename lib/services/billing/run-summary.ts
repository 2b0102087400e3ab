// What a billing run answers: how many invoices it issued, how many still wait for tax,
// what it could not bill and why, and the issued totals per currency.
import { formatMinor } from '../../domain/money/currency.ts';
import { sum } from '../../domain/money/decimal.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import type { BillingHeld } from './draft-engagement-invoices.ts';
import type { IssuedInvoice } from './issue-chunk.ts';

export interface CurrencyTotals {
  invoices: number;
  subtotal: string;
  taxTotal: string;
  total: string;
}

export interface BillingRunSummary {
  asOf: IsoDate;
  legalEntityCode: string | null;
  engagementsConsidered: number;
  invoicesDrafted: number;
  invoicesIssued: number;
  /** Invoices of the scope still AWAITING_TAX after the run (this run's and earlier ones). */
  awaitingTax: number;
  held: BillingHeld[];
  totalsByCurrency: Record<string, CurrencyTotals>;
  invoices: { id: string; number: string; engagementId: string; currency: string; total: string; accountingPeriod: string; latePosting: boolean }[];
}

export function summarizeRun(options: { asOf: IsoDate; legalEntityCode: string | null; engagements: number; drafted: number; issued: readonly IssuedInvoice[]; awaitingTax: number; held: BillingHeld[] }): BillingRunSummary {
  const totalsByCurrency: Record<string, CurrencyTotals> = {};
  for (const currency of [...new Set(options.issued.map((i) => i.currency))].sort()) {
    const of = options.issued.filter((i) => i.currency === currency);
    totalsByCurrency[currency] = {
      invoices: of.length,
      subtotal: formatMinor(sum(of.map((i) => i.subtotal)), currency),
      taxTotal: formatMinor(sum(of.map((i) => i.taxTotal)), currency),
      total: formatMinor(sum(of.map((i) => i.total)), currency),
    };
  }
  return {
    asOf: options.asOf,
    legalEntityCode: options.legalEntityCode,
    engagementsConsidered: options.engagements,
    invoicesDrafted: options.drafted,
    invoicesIssued: options.issued.length,
    awaitingTax: options.awaitingTax,
    held: options.held,
    totalsByCurrency,
    invoices: options.issued.map(({ id, number, engagementId, currency, total, accountingPeriod, latePosting }) => ({ id, number, engagementId, currency, total, accountingPeriod, latePosting })),
  };
}
