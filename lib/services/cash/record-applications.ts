// Writes cash applications decided by the matcher (or by a person) to locked invoices: the
// CashApplication rows, each invoice's amountApplied / balanceDue / status in the same
// transaction, their audit records, the lineage receipt → application → invoice and a
// POST_CASH_APPLICATION per row for the ERP. The receipt's own totals are the caller's.
import { randomUUID } from 'node:crypto';
import type { CashApplicationMethod, DeductionStatus } from '../../db/generated/enums.ts';
import { invoiceStatusAfterCash } from '../../domain/cash/settlement-status.ts';
import { dec, type Decimal } from '../../domain/money/decimal.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { writeAuditMany, type AuditActor, type AuditEntry } from '../audit/write-audit.ts';
import { linkLineage, type LineageEdge } from '../lineage/link-lineage.ts';
import { enqueueCashApplicationCommand } from './cash-application-command.ts';
import type { CashInvoiceRow } from './cash-rows.ts';

export interface ApplicationToRecord {
  invoiceId: string;
  method: CashApplicationMethod;
  automatic: boolean;
  amount: Decimal;
  currency: string;
  deductionAmount: Decimal;
  deductionReasonCode: string | null;
  deductionStatus: Extract<DeductionStatus, 'NONE' | 'PENDING_APPROVAL'>;
  remittanceLineIndex: number | null;
  remittanceInvoiceRef: string | null;
}

export interface RecordedApplication extends ApplicationToRecord {
  id: string;
  invoice: CashInvoiceRow;
}

export async function recordApplications(
  tx: Tx,
  options: {
    receipt: { id: string; sourceSystem: string; externalId: string };
    applications: readonly ApplicationToRecord[];
    /** Locked by the caller; updated in place so later lines see earlier ones. */
    invoices: Map<string, CashInvoiceRow>;
    appliedAt: Date;
    appliedById?: string | null;
    actor: AuditActor;
    erp: string;
    eventId: string | null;
    now: Date;
  },
): Promise<RecordedApplication[]> {
  const { receipt, invoices, appliedAt, actor, erp, eventId, now } = options;
  if (options.applications.length === 0) return [];
  const recorded: RecordedApplication[] = [];
  const audits: AuditEntry[] = [];
  const edges: LineageEdge[] = [];

  for (const application of options.applications) {
    const invoice = invoices.get(application.invoiceId);
    if (!invoice) throw new Error(`Invoice ${application.invoiceId} was not locked before applying cash to it`);
    const id = randomUUID();
    const before = { status: invoice.status, amountApplied: invoice.amountApplied, balanceDue: invoice.balanceDue };
    const amountApplied = dec(invoice.amountApplied).plus(application.amount);
    const balanceDue = dec(invoice.balanceDue).minus(application.amount);
    const status = invoiceStatusAfterCash({ status: invoice.status, amountApplied, balanceDue, postedAt: invoice.postedAt });

    await tx.cashApplication.create({
      data: {
        id,
        receiptId: receipt.id,
        invoiceId: invoice.id,
        method: application.method,
        automatic: application.automatic,
        amount: application.amount.toString(),
        currency: application.currency,
        deductionAmount: application.deductionAmount.toString(),
        deductionReasonCode: application.deductionReasonCode,
        deductionStatus: application.deductionStatus,
        remittanceLineIndex: application.remittanceLineIndex,
        remittanceInvoiceRef: application.remittanceInvoiceRef,
        appliedAt,
        appliedById: options.appliedById ?? null,
      },
    });
    await tx.invoice.update({
      where: { id: invoice.id },
      data: { amountApplied: amountApplied.toString(), balanceDue: balanceDue.toString(), status, ...(status === 'PAID' && invoice.status !== 'PAID' ? { paidAt: appliedAt } : {}) },
    });
    Object.assign(invoice, { amountApplied: amountApplied.toString(), balanceDue: balanceDue.toString(), status });
    recorded.push({ ...application, id, invoice });

    const common = { actor, correlationId: invoice.correlationId, eventId, at: now };
    audits.push(
      { ...common, entityType: 'CashApplication', entityId: id, action: 'cash-application.created', after: { receiptId: receipt.id, ...application } },
      { ...common, entityType: 'Invoice', entityId: invoice.id, action: 'invoice.cash-applied', before, after: { status, amountApplied, balanceDue, cashApplicationId: id } },
    );
    const money = { amount: application.amount.toString(), currency: application.currency, eventId, correlationId: invoice.correlationId };
    edges.push(
      { from: { type: 'CashReceipt', id: receipt.id }, to: { type: 'CashApplication', id }, relation: 'APPLIED', ...money },
      { from: { type: 'CashApplication', id }, to: { type: 'Invoice', id: invoice.id }, relation: 'SETTLES', ...money },
    );
    await enqueueCashApplicationCommand(tx, {
      erp,
      application: {
        id,
        kind: 'APPLICATION',
        reversesApplicationId: null,
        amount: application.amount.toString(),
        currency: application.currency,
        deductionAmount: application.deductionAmount.toString(),
        deductionReasonCode: application.deductionReasonCode,
        deductionStatus: application.deductionStatus,
        appliedAt,
        reason: null,
      },
      receipt,
      invoice: { id: invoice.id, number: invoice.number, erpInvoiceNumber: invoice.erpInvoiceNumber ?? null, clientId: invoice.clientId, correlationId: invoice.correlationId },
      eventId,
    });
  }
  await writeAuditMany(tx, audits);
  await linkLineage(tx, edges);
  return recorded;
}
