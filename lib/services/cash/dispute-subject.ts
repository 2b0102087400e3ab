// What a dispute is about: the payment (by paymentId — the sender's own receipt first,
// then any system's receipt with that id when exactly one exists) or the invoice (by our
// number or the ERP's), locked because opening and resolving read their amounts; and the
// same subject as the cash core's DisputeTarget.
import { normalizeInvoiceNumber } from '../../domain/cash/open-invoices.ts';
import type { DisputeTarget } from '../../domain/cash/dispute.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { findReceiptByExternalId, liveApplicationsOf, lockInvoices, lockReceipt, type CashApplicationRow, type CashInvoiceRow, type CashReceiptRow } from './cash-rows.ts';

export type DisputeSubject =
  | { kind: 'RECEIPT'; receipt: CashReceiptRow; applications: CashApplicationRow[]; correlationIds: string[] }
  | { kind: 'INVOICE'; invoice: CashInvoiceRow }
  | { kind: 'NOT_FOUND'; what: string }
  | { kind: 'AMBIGUOUS'; what: string };

export async function findDisputeTarget(tx: Tx, options: { system: string; paymentId?: string; invoiceNumber?: string }): Promise<DisputeSubject> {
  const { system, paymentId, invoiceNumber } = options;
  if (paymentId !== undefined) {
    const own = await findReceiptByExternalId(tx, { sourceSystem: system, externalId: paymentId });
    const candidates = own.length > 0 ? own : await findReceiptByExternalId(tx, { externalId: paymentId });
    if (candidates.length > 1) return { kind: 'AMBIGUOUS', what: `payment ${paymentId}` };
    if (candidates.length === 0) return { kind: 'NOT_FOUND', what: `payment ${paymentId}` };
    const receipt = await lockReceipt(tx, candidates[0]!.id);
    if (!receipt) return { kind: 'NOT_FOUND', what: `payment ${paymentId}` };
    const applications = await liveApplicationsOf(tx, receipt.id);
    return { kind: 'RECEIPT', receipt, applications, correlationIds: await correlationIdsOf(tx, applications) };
  }
  const reference = invoiceNumber ?? '';
  const numbers = [...new Set([reference.trim(), normalizeInvoiceNumber(reference)])];
  const hits = await tx.invoice.findMany({
    where: { kind: 'INVOICE', OR: [{ number: { in: numbers } }, { erpInvoiceNumber: { in: numbers } }] },
    select: { id: true },
  });
  if (hits.length > 1) return { kind: 'AMBIGUOUS', what: `invoice ${reference}` };
  if (hits.length === 0) return { kind: 'NOT_FOUND', what: `invoice ${reference}` };
  const [invoice] = await lockInvoices(tx, [hits[0]!.id]);
  return invoice ? { kind: 'INVOICE', invoice } : { kind: 'NOT_FOUND', what: `invoice ${reference}` };
}

/** The subject of a recorded dispute, locked again for its resolution. */
export async function lockDisputeSubject(tx: Tx, dispute: { receiptId: string | null; invoiceId: string | null }): Promise<DisputeSubject> {
  if (dispute.invoiceId) {
    const [invoice] = await lockInvoices(tx, [dispute.invoiceId]);
    return invoice ? { kind: 'INVOICE', invoice } : { kind: 'NOT_FOUND', what: `invoice ${dispute.invoiceId}` };
  }
  const receipt = dispute.receiptId ? await lockReceipt(tx, dispute.receiptId) : null;
  if (!receipt) return { kind: 'NOT_FOUND', what: `payment ${dispute.receiptId}` };
  const applications = await liveApplicationsOf(tx, receipt.id);
  return { kind: 'RECEIPT', receipt, applications, correlationIds: await correlationIdsOf(tx, applications) };
}

export function disputeTarget(subject: Extract<DisputeSubject, { kind: 'RECEIPT' | 'INVOICE' }>): DisputeTarget {
  if (subject.kind === 'INVOICE') {
    const { invoice } = subject;
    return { kind: 'INVOICE', invoiceId: invoice.id, currency: invoice.currency, total: invoice.total, balanceDue: invoice.balanceDue };
  }
  const { receipt, applications } = subject;
  return {
    kind: 'RECEIPT',
    receiptId: receipt.id,
    currency: receipt.currency,
    amount: receipt.amount,
    refundedAmount: receipt.refundedAmount,
    unappliedAmount: receipt.unappliedAmount,
    applications: applications.map((a) => ({ applicationId: a.id, invoiceId: a.invoiceId, amount: a.amount })),
  };
}

async function correlationIdsOf(tx: Tx, applications: readonly CashApplicationRow[]): Promise<string[]> {
  const invoices = await tx.invoice.findMany({ where: { id: { in: applications.map((a) => a.invoiceId) } }, select: { correlationId: true } });
  return [...new Set(invoices.map((i) => i.correlationId))].sort();
}
