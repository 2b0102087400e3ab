// Finance closes a legal entity's accounting month (DESIGN.md §6): after it, nothing posts
// into it; a late item goes to the next open month, flagged. The rules are the domain's
// (closePeriod): in order, after the month's end, and not while invoices of the month are
// drafts or wait for tax. Repeating a close is success with changed: false.
import { db } from '../../db/client.ts';
import { closePeriod, type PendingInvoice } from '../../domain/periods/close-period.ts';
import { AppError } from '../../errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { lockEntityPeriods, periodAuditState } from './lock-entity-periods.ts';

export interface ClosePeriodInput {
  legalEntityCode: string;
  period: string;
  actor: AuditActor;
  now: Date;
  correlationId?: string;
}

export async function closeAccountingPeriod(input: ClosePeriodInput): Promise<{ changed: boolean }> {
  const { legalEntityCode, period, actor, now } = input;
  return db().$transaction(async (tx) => {
    const { legalEntityId, periods } = await lockEntityPeriods(tx, legalEntityCode);
    const row = periods.find((p) => p.period === period);
    if (!row) throw new AppError('NOT_FOUND', `${legalEntityCode} has no accounting period ${period}.`);
    // An invoice belongs to the month it is dated in (drafts have no period yet) or posted into.
    const pendingInvoices = await tx.$queryRaw<PendingInvoice[]>`
      SELECT i.id::text, i.status::text AS status, e.code AS "engagementCode"
        FROM "Invoice" i JOIN "Engagement" e ON e.id = i."engagementId"
       WHERE i."legalEntityId" = ${legalEntityId}::uuid AND i.status IN ('DRAFT', 'AWAITING_TAX')
         AND (i."accountingPeriodId" = ${row.id}::uuid OR i."issueDate" BETWEEN ${day(row.startDate)}::date AND ${day(row.endDate)}::date)`;
    const decision = closePeriod({ period, periods, asOf: now.toISOString().slice(0, 10), pendingInvoices });
    if (!decision.ok) {
      switch (decision.code) {
        case 'ALREADY_CLOSED':
          return { changed: false };
        case 'PERIOD_NOT_FOUND':
          throw new AppError('NOT_FOUND', `${legalEntityCode} has no accounting period ${period}.`);
        case 'PERIOD_NOT_ENDED':
          throw new AppError('CONFLICT', `${period} runs until ${decision.endsOn}; it can be closed from the next day.`, { details: { reason: decision.code, endsOn: decision.endsOn } });
        case 'EARLIER_PERIOD_OPEN':
          throw new AppError('CONFLICT', `Periods close in order: close ${decision.earlierOpen.join(', ')} of ${legalEntityCode} first.`, {
            details: { reason: decision.code, earlierOpen: decision.earlierOpen },
          });
        case 'PENDING_INVOICES': {
          const list = (label: string, items: PendingInvoice[]) => (items.length ? [`${items.length} ${label} (${items.map((i) => `${i.engagementCode} ${i.id}`).join(', ')})`] : []);
          const pending = [...list('awaiting tax', decision.awaitingTax), ...list('draft', decision.drafts)].join('; ');
          throw new AppError('CONFLICT', `${legalEntityCode} ${period} has invoices that are not issued yet: ${pending}. Issue or void them first.`, {
            details: { reason: decision.code, awaitingTax: decision.awaitingTax, drafts: decision.drafts },
          });
        }
      }
    }
    const closedById = actor.type === 'USER' ? (actor.id ?? null) : null;
    await tx.accountingPeriod.update({ where: { id: row.id }, data: { status: 'CLOSED', closedAt: now, closedById } });
    await writeAudit(tx, {
      actor,
      entityType: 'AccountingPeriod',
      entityId: row.id,
      action: 'accounting-period.closed',
      before: { legalEntityCode, period, ...periodAuditState(row) },
      after: { legalEntityCode, period, ...periodAuditState({ status: 'CLOSED', closedAt: now, closedById }) },
      correlationId: input.correlationId,
    });
    return { changed: true };
  });
}

const day = (date: Date) => date.toISOString().slice(0, 10);
