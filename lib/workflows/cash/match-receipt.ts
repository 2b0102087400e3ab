// Loads what a receipt may pay — the payer's open invoices, its subsidiaries' and every
// invoice its remittance names — locked in one statement, and asks the matcher. The payer's
// own invoices are tried first; only when neither the remittance nor the amount rules found
// anything among them are its subsidiaries' invoices added (a parent paying centrally).
import { matchPayment, type PaymentMatch } from '../../domain/cash/match-payment.ts';
import type { ReceiptToMatch } from '../../domain/cash/cash-types.ts';
import { isOpenForCash, normalizeInvoiceNumber, sameCurrency } from '../../domain/cash/open-invoices.ts';
import { lockCashCandidates, type CashInvoiceRow } from '../../services/cash/cash-rows.ts';
import type { Tx } from '../workflow.ts';
import { payerAndSubsidiaries } from './resolve-payer.ts';

export interface ReceiptMatch {
  match: PaymentMatch;
  /** Every invoice locked for this receipt, by id. */
  invoices: Map<string, CashInvoiceRow>;
  /** Whether the subsidiaries' invoices had to be searched. */
  searchedSubsidiaries: boolean;
}

export async function matchReceipt(tx: Tx, receipt: ReceiptToMatch & { currency: string }): Promise<ReceiptMatch> {
  const payer = receipt.payerClientId;
  const family = payer ? await payerAndSubsidiaries(tx, payer) : [];
  // Our numbers are stored upper case; an ERP's as the ERP wrote them: try both spellings.
  const numbers = [...new Set((receipt.remittance ?? []).flatMap((line) => [line.invoiceNumber.trim(), normalizeInvoiceNumber(line.invoiceNumber)]))];
  const rows = await lockCashCandidates(tx, { clientIds: family, currency: receipt.currency, numbers });
  const invoices = new Map(rows.map((row) => [row.id, row]));

  const named = new Set(numbers.map(normalizeInvoiceNumber));
  const remittanceInvoices = rows.filter((row) => [row.number, row.erpInvoiceNumber].some((n) => n != null && named.has(normalizeInvoiceNumber(n))));
  const open = rows.filter((row) => isOpenForCash(row) && sameCurrency(row.currency, receipt.currency));
  const own = open.filter((row) => row.clientId === payer);

  const first = matchPayment({ receipt, payerOpenInvoices: own, remittanceInvoices });
  const remittanceDecided = (receipt.remittance?.length ?? 0) > 0 && !first.flags.some((flag) => flag.kind === 'REMITTANCE_UNRESOLVED');
  if (first.applications.length > 0 || remittanceDecided || open.length === own.length) return { match: first, invoices, searchedSubsidiaries: false };
  return { match: matchPayment({ receipt, payerOpenInvoices: open, remittanceInvoices }), invoices, searchedSubsidiaries: true };
}
