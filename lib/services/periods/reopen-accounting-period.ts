// Finance reopens the latest closed month of a legal entity, saying why (reopenPeriod's
// rules). Items already posted late into the next month stay where they are: moving them
// back would change issued invoices and reported revenue. Reopening an open month is
// success with changed: false.
import { db } from '../../db/client.ts';
import { reopenPeriod } from '../../domain/periods/reopen-period.ts';
import { AppError } from '../../errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { lockEntityPeriods, periodAuditState } from './lock-entity-periods.ts';

export interface ReopenPeriodInput {
  legalEntityCode: string;
  period: string;
  reason: string;
  actor: AuditActor;
  correlationId?: string;
}

export async function reopenAccountingPeriod(input: ReopenPeriodInput): Promise<{ changed: boolean }> {
  const { legalEntityCode, period, actor } = input;
  return db().$transaction(async (tx) => {
    const { periods } = await lockEntityPeriods(tx, legalEntityCode);
    const decision = reopenPeriod({ period, periods, reason: input.reason });
    if (!decision.ok) {
      switch (decision.code) {
        case 'ALREADY_OPEN':
          return { changed: false };
        case 'PERIOD_NOT_FOUND':
          throw new AppError('NOT_FOUND', `${legalEntityCode} has no accounting period ${period}.`);
        case 'REASON_REQUIRED':
          throw new AppError('VALIDATION_FAILED', 'Say why the period is reopened.', { details: { errors: [{ pointer: '/reason', message: 'Required.' }] } });
        case 'NOT_LATEST_CLOSED':
          throw new AppError('CONFLICT', `Only the latest closed period reopens: reopen ${decision.laterClosed.join(', ')} of ${legalEntityCode} first (latest first).`, {
            details: { reason: decision.code, laterClosed: decision.laterClosed },
          });
      }
    }
    const row = periods.find((p) => p.period === period)!;
    await tx.accountingPeriod.update({ where: { id: row.id }, data: { status: 'OPEN', closedAt: null, closedById: null } });
    await writeAudit(tx, {
      actor,
      entityType: 'AccountingPeriod',
      entityId: row.id,
      action: 'accounting-period.reopened',
      before: { legalEntityCode, period, ...periodAuditState(row) },
      after: { legalEntityCode, period, ...periodAuditState({ status: 'OPEN', closedAt: null, closedById: null }), reason: decision.reason },
      correlationId: input.correlationId,
    });
    return { changed: true };
  });
}
