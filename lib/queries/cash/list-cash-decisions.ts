// Deductions and disputes awaiting FINANCE's decision: the open SHORT_PAY_DEDUCTION and
// PAYMENT_DISPUTED exceptions, largest money first (keyset on impact, id), each with the
// money it is about — the short-paid application (deduction, reason, invoice and its
// balance) or the dispute (amount, reason, invoice or payment). Optionally for one invoice.
import { db, type Prisma } from '../../db/client.ts';
import type { ExceptionCode, ExceptionStatus } from '../../db/generated/enums.ts';
import { classify, type DecisionOptions } from '../../domain/exceptions/classification.ts';
import { decodeCursor, encodeCursor } from '../exceptions/exception-cursor.ts';
import { isoDateTime, isUuid, money } from '../shared/decimal-fields.ts';
import { keysetAfter } from '../shared/keyset.ts';

export const DECISION_CODES = ['SHORT_PAY_DEDUCTION', 'PAYMENT_DISPUTED'] as const satisfies readonly ExceptionCode[];
export const DECISIONS_PAGE_SIZE = 25;
const OPEN: ExceptionStatus[] = ['OPEN', 'ASSIGNED'];

export interface CashDecisionView {
  exceptionId: string;
  code: (typeof DECISION_CODES)[number];
  title: string;
  status: ExceptionStatus;
  /** In USD, the queue's impact. */
  financialImpact: string;
  amount: string | null;
  currency: string | null;
  reason: string | null;
  invoice: { id: string; number: string | null; balanceDue: string; status: string } | null;
  paymentId: string | null;
  payer: string | null;
  openedAt: string;
  options: DecisionOptions | null;
}

const ORDER = 'cash-decisions';
const columns = [{ kind: 'decimal', nullable: false }, { kind: 'uuid', nullable: false }] as const;

export async function listCashDecisions(options: { invoiceId?: string; cursor?: string; limit?: number }): Promise<{ items: CashDecisionView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DECISIONS_PAGE_SIZE), 1), 100);
  const after = options.cursor ? decodeCursor(options.cursor, ORDER, columns) : undefined;
  const about = options.invoiceId ? await entitiesOfInvoice(options.invoiceId) : undefined;
  if (about && about.length === 0) return { items: [], nextCursor: null };
  const filters: Prisma.ExceptionWhereInput[] = [
    { code: { in: [...DECISION_CODES] }, status: { in: OPEN } },
    ...(about ? [{ entityId: { in: about } }] : []),
    ...(after ? [keysetAfter('financialImpact', 'desc', after[0], after[1] as string) as Prisma.ExceptionWhereInput] : []),
  ];
  const rows = await db().exception.findMany({
    where: { AND: filters },
    orderBy: [{ financialImpact: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: { id: true, code: true, entityType: true, entityId: true, title: true, status: true, financialImpact: true, firstSeenAt: true },
  });
  const page = rows.slice(0, limit);
  // A dispute that arrived before its payment names the gateway's id ("payments:dp_…"), not a row here yet.
  const ids = (type: string) => page.filter((r) => r.entityType === type && isUuid(r.entityId)).map((r) => r.entityId);
  const invoiceSelect = { select: { id: true, number: true, balanceDue: true, status: true, currency: true } } as const;
  const [applications, disputes] = await Promise.all([
    db().cashApplication.findMany({
      where: { id: { in: ids('CashApplication') } },
      select: { id: true, deductionAmount: true, deductionReasonCode: true, currency: true, invoice: invoiceSelect, receipt: { select: { externalId: true, payerName: true, client: { select: { name: true } } } } },
    }),
    db().dispute.findMany({
      where: { id: { in: ids('Dispute') } },
      select: { id: true, amount: true, currency: true, reason: true, invoice: invoiceSelect, receipt: { select: { externalId: true, payerName: true } }, client: { select: { name: true } } },
    }),
  ]);
  const applicationById = new Map(applications.map((a) => [a.id, a]));
  const disputeById = new Map(disputes.map((d) => [d.id, d]));
  const invoiceView = (i: { id: string; number: string | null; balanceDue: Prisma.Decimal; status: string; currency: string } | null) =>
    i ? { id: i.id, number: i.number, balanceDue: money(i.balanceDue, i.currency), status: i.status } : null;

  const items = page.map((row): CashDecisionView => {
    const base = { exceptionId: row.id, code: row.code as CashDecisionView['code'], title: row.title, status: row.status, financialImpact: money(row.financialImpact, 'USD'), openedAt: isoDateTime(row.firstSeenAt), options: classify(row.code).decision ?? null };
    const application = applicationById.get(row.entityId);
    if (application) {
      return { ...base, amount: money(application.deductionAmount, application.currency), currency: application.currency, reason: application.deductionReasonCode, invoice: invoiceView(application.invoice), paymentId: application.receipt.externalId, payer: application.receipt.client?.name ?? application.receipt.payerName };
    }
    const dispute = disputeById.get(row.entityId);
    if (dispute) {
      return { ...base, amount: money(dispute.amount, dispute.currency), currency: dispute.currency, reason: dispute.reason, invoice: invoiceView(dispute.invoice), paymentId: dispute.receipt?.externalId ?? null, payer: dispute.client?.name ?? dispute.receipt?.payerName ?? null };
    }
    // Raised about something else (by hand, by another flow): shown with its title only.
    return { ...base, amount: null, currency: null, reason: null, invoice: null, paymentId: null, payer: null };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(ORDER, [last.financialImpact.toString(), last.id]) : null };
}

/** The applications and disputes about one invoice: what its decisions concern. */
async function entitiesOfInvoice(invoiceId: string): Promise<string[]> {
  const [applications, disputes] = await Promise.all([
    db().cashApplication.findMany({ where: { invoiceId, deductionStatus: 'PENDING_APPROVAL' }, select: { id: true } }),
    db().dispute.findMany({ where: { invoiceId }, select: { id: true } }),
  ]);
  return [...applications.map((a) => a.id), ...disputes.map((d) => d.id)];
}
