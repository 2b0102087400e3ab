// POST_CASH_APPLICATION to the ERP for one CashApplication row (an application or its
// reversal), in the transaction that wrote the row. The key is the row's id, so a replay
// enqueues nothing new; the client's ERP ordering key puts it after the invoice's posting
// and the customer's creation, which use the same key.
import type { DeductionStatus } from '../../db/generated/enums.ts';
import { dec } from '../../domain/money/decimal.ts';
import { enqueueCommand } from '../../outbox/enqueue-command.ts';
import { moneyText } from './money-text.ts';
import { erpOrderingKey } from '../../workflows/commercial/engagement-commands.ts';
import type { Tx } from '../../workflows/workflow.ts';

export interface CashApplicationCommandInput {
  erp: string;
  application: {
    id: string;
    kind: 'APPLICATION' | 'REVERSAL';
    reversesApplicationId: string | null;
    amount: string;
    currency: string;
    deductionAmount: string;
    deductionReasonCode: string | null;
    deductionStatus: DeductionStatus;
    appliedAt: Date;
    reason: string | null;
  };
  receipt: { id: string; sourceSystem: string; externalId: string };
  invoice: { id: string; number: string | null; erpInvoiceNumber: string | null; clientId: string; correlationId: string };
  eventId: string | null;
}

export async function enqueueCashApplicationCommand(tx: Tx, input: CashApplicationCommandInput): Promise<void> {
  const { erp, application, receipt, invoice } = input;
  const deduction = dec(application.deductionAmount);
  await enqueueCommand(tx, {
    connectorCode: erp,
    kind: 'POST_CASH_APPLICATION',
    idempotencyKey: `${erp}:post-cash-application:${application.id}`,
    orderingKey: erpOrderingKey(erp, invoice.clientId),
    heldAmount: { amount: dec(application.amount).abs().toString(), currency: application.currency },
    correlationId: invoice.correlationId,
    entityType: 'CashApplication',
    entityId: application.id,
    causedByEventId: input.eventId,
    payload: {
      applicationId: application.id,
      kind: application.kind,
      reversesApplicationId: application.reversesApplicationId,
      receipt,
      invoice: { id: invoice.id, number: invoice.number, erpInvoiceNumber: invoice.erpInvoiceNumber },
      amount: moneyText(application.amount, application.currency),
      currency: application.currency,
      deduction: deduction.isZero()
        ? null
        : { amount: moneyText(deduction, application.currency), reasonCode: application.deductionReasonCode, status: application.deductionStatus },
      appliedAt: application.appliedAt.toISOString(),
      reason: application.reason,
    },
  });
}
