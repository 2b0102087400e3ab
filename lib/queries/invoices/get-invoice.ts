// One invoice or credit note (GET /api/v1/invoices/{id}): the list's view plus the credit
// notes issued against it and the cash applied to it (reversals included).
import { db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { InvoiceDetail } from '../../http/schemas/invoices.ts';
import { isoDate, isoDateTime, isUuid, money } from '../shared/decimal-fields.ts';
import { invoiceSelect, withLines } from './invoice-view.ts';

export async function getInvoice(options: { id: string }): Promise<InvoiceDetail> {
  if (!isUuid(options.id)) throw new AppError('NOT_FOUND', 'No such invoice.');
  const row = await db().invoice.findUnique({ where: { id: options.id }, select: invoiceSelect });
  if (!row) throw new AppError('NOT_FOUND', 'No such invoice.');
  const [[view], creditNotes, applications] = await Promise.all([
    withLines([row]),
    db().invoice.findMany({
      where: { originalInvoiceId: row.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, number: true, status: true, creditNoteReason: true, issueDate: true, total: true, currency: true },
    }),
    db().cashApplication.findMany({ where: { invoiceId: row.id }, orderBy: [{ appliedAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    ...view!,
    creditNotes: creditNotes.map((cn) => ({ id: cn.id, number: cn.number, status: cn.status, reason: cn.creditNoteReason, issueDate: isoDate(cn.issueDate), total: money(cn.total, cn.currency) })),
    cashApplications: applications.map((a) => ({
      id: a.id,
      kind: a.kind,
      receiptId: a.receiptId,
      method: a.method,
      automatic: a.automatic,
      amount: money(a.amount, a.currency),
      deductionAmount: money(a.deductionAmount, a.currency),
      deductionReasonCode: a.deductionReasonCode,
      deductionStatus: a.deductionStatus,
      appliedAt: isoDateTime(a.appliedAt),
      reversesApplicationId: a.reversesApplicationId,
      reversedAt: isoDateTime(a.reversedAt),
    })),
  };
}
