// Reverses the revenue behind a voided invoice or a credit note (DESIGN.md §6 "Reversals"),
// inside the billing service's transaction: one REVERSAL per standing entry of each source
// (time, expense, usage month), pointing at the invoice. Milestones and retainer fees are
// earned by progress and by time, not by billing, and keep their revenue (the core decides).
//
// Which sources: for an invoice, every source of its lines (a void releases them all); for
// a credit note, the sources of the lines it credits that the credit released (releasedAt
// set) — so call it after releasing them. A deduction, dispute or write-off releases
// nothing and reverses nothing: the work was delivered. Calling it twice reverses once.
import type { Prisma } from '../../db/client.ts';
import type { InvoiceLineSourceKind } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import { formatMinor } from '../../domain/money/currency.ts';
import { ZERO } from '../../domain/money/decimal.ts';
import type { IsoDate } from '../../domain/periods/calendar-date.ts';
import { reverseRevenue, type InvoiceRevenueSource, type NotReversedReason } from '../../domain/revenue/reverse-revenue.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { loadRevenueLedger } from './load-revenue-ledger.ts';
import { lockEngagementRevenue } from './lock-engagement-revenue.ts';
import { describeFlag, type RevenueRunFlag } from './revenue-run-summary.ts';
import { writeRevenueEntries } from './write-revenue-entries.ts';

export interface InvoiceRevenueReversal {
  invoiceId: string;
  engagementId: string;
  currency: string;
  entriesPosted: number;
  /** Net of the reversal entries posted (negative or zero), in minor units. */
  amount: string;
  notReversed: { kind: InvoiceLineSourceKind; sourceId: string; reason: NotReversedReason }[];
  /** PERIOD_NOT_FOUND / NO_OPEN_PERIOD: a reversal that found no open period and was not posted. */
  flags: RevenueRunFlag[];
}

const sourceSelect = { kind: true, timeTransactionId: true, expenseId: true, usageRecordId: true, milestoneId: true, billingPlanId: true, periodKey: true, releasedAt: true } as const;

export async function reverseRevenueForInvoice(
  tx: Prisma.TransactionClient,
  options: { invoiceId: string; on: IsoDate; now: Date; actor?: AuditActor },
): Promise<InvoiceRevenueReversal> {
  const { invoiceId, on, now } = options;
  const invoice = await tx.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true,
      kind: true,
      number: true,
      engagement: { select: { id: true, code: true, currency: true, legalEntityId: true, correlationId: true } },
      lines: { select: { sources: { select: sourceSelect }, creditedLine: { select: { sources: { select: sourceSelect } } } } },
    },
  });
  if (!invoice) throw new AppError('NOT_FOUND', `No invoice ${invoiceId}`);
  const { engagement } = invoice;
  const rows =
    invoice.kind === 'INVOICE' ? invoice.lines.flatMap((l) => l.sources) : invoice.lines.flatMap((l) => l.creditedLine?.sources ?? []).filter((s) => s.releasedAt !== null);
  const sources: InvoiceRevenueSource[] = rows.map((s) => ({
    kind: s.kind,
    id: (s.timeTransactionId ?? s.expenseId ?? s.usageRecordId ?? s.milestoneId ?? s.billingPlanId)!,
    periodKey: s.periodKey,
  }));

  await lockEngagementRevenue(tx, [engagement.id]);
  const ledger = await loadRevenueLedger(tx, { engagementIds: [engagement.id], legalEntityIds: [engagement.legalEntityId] });
  const reversal = reverseRevenue({
    engagementId: engagement.id,
    currency: engagement.currency,
    invoiceId,
    on,
    sources,
    posted: ledger.postedOf(engagement.id),
    periods: ledger.periodsOf(engagement.legalEntityId),
  });
  const posting = { engagementId: engagement.id, legalEntityId: engagement.legalEntityId, currency: engagement.currency, entries: reversal.entries };
  const { insertedKeys } = await writeRevenueEntries(tx, { postings: [posting], periodId: ledger.periodId, now });
  const posted = reversal.entries.filter((e) => insertedKeys.has(e.idempotencyKey));
  const amount = formatMinor(posted.reduce((total, e) => total.plus(e.amount), ZERO), engagement.currency);
  const flags = reversal.flags.map((f) => describeFlag(engagement, f));
  const notReversed = reversal.notReversed.map(({ source, reason }) => ({ kind: source.kind, sourceId: source.id, reason }));

  if (posted.length > 0 || flags.length > 0) {
    await writeAudit(tx, {
      actor: options.actor ?? { type: 'SYSTEM', id: 'revenue' },
      entityType: 'Invoice',
      entityId: invoiceId,
      action: 'revenue.reversed',
      correlationId: engagement.correlationId,
      at: now,
      after: { invoiceNumber: invoice.number, kind: invoice.kind, on, entries: posted.length, amount, currency: engagement.currency, notReversed: notReversed.length, flags },
    });
  }
  return { invoiceId, engagementId: engagement.id, currency: engagement.currency, entriesPosted: posted.length, amount, notReversed, flags };
}
