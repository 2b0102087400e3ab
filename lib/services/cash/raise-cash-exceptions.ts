// The two exceptions cash application leaves for FINANCE (DESIGN.md §7): UNAPPLIED_CASH on
// the receipt (impact: the cash not applied) and SHORT_PAY_DEDUCTION on the application
// carrying the deduction (impact: the deduction). Impacts are in the receipt's currency at
// its receipt date; raiseException converts them to USD.
import type { MatchFlag } from '../../domain/cash/cash-types.ts';
import { toJsonSafe } from '../audit/to-json-safe.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { moneyText } from './money-text.ts';

export interface ReceiptForException {
  id: string;
  externalId: string;
  sourceSystem: string;
  payerName: string | null;
  payerExternalId: string | null;
  currency: string;
  receivedAt: Date;
  legalEntityId: string | null;
}

/** The queue title of UNAPPLIED_CASH; reconciliation keeps the same one current. */
export function unappliedCashTitle(receipt: { unapplied: string; currency: string; payerName: string | null; payerExternalId: string | null; externalId: string }): string {
  const payer = receipt.payerName ?? receipt.payerExternalId ?? 'an unknown payer';
  return `Unapplied cash: ${receipt.unapplied} ${receipt.currency} from ${payer} (payment ${receipt.externalId})`;
}

export async function raiseUnappliedCash(
  tx: Tx,
  options: { receipt: ReceiptForException; unapplied: string; why: string; flags?: readonly MatchFlag[]; inboxEventId?: string | null; now: Date },
): Promise<void> {
  const { receipt, unapplied, now } = options;
  const amount = moneyText(unapplied, receipt.currency);
  await raiseException(tx, {
    code: 'UNAPPLIED_CASH',
    entityType: 'CashReceipt',
    entityId: receipt.id,
    legalEntityId: receipt.legalEntityId,
    title: unappliedCashTitle({ ...receipt, unapplied: amount }),
    impact: { amount, currency: receipt.currency, date: receipt.receivedAt },
    details: toJsonSafe({ paymentId: receipt.externalId, system: receipt.sourceSystem, unapplied: amount, why: options.why, flags: options.flags ?? [] }) as Record<string, unknown>,
    inboxEventId: options.inboxEventId ?? null,
    raisedBy: 'cash-application',
    now,
  });
}

export async function raiseShortPayDeduction(
  tx: Tx,
  options: {
    applicationId: string;
    invoice: { id: string; number: string; correlationId: string; legalEntityId: string };
    receipt: ReceiptForException;
    deduction: string;
    reasonCode: string | null;
    inboxEventId?: string | null;
    now: Date;
  },
): Promise<void> {
  const { receipt, invoice, now } = options;
  const amount = moneyText(options.deduction, receipt.currency);
  await raiseException(tx, {
    code: 'SHORT_PAY_DEDUCTION',
    entityType: 'CashApplication',
    entityId: options.applicationId,
    correlationId: invoice.correlationId,
    legalEntityId: invoice.legalEntityId,
    title: `Deduction of ${amount} ${receipt.currency} on invoice ${invoice.number} (${options.reasonCode ?? 'no reason code'})`,
    impact: { amount, currency: receipt.currency, date: receipt.receivedAt },
    details: { invoiceId: invoice.id, invoiceNumber: invoice.number, receiptId: receipt.id, paymentId: receipt.externalId, deduction: amount, reasonCode: options.reasonCode },
    inboxEventId: options.inboxEventId ?? null,
    raisedBy: 'cash-application',
    now,
  });
}
