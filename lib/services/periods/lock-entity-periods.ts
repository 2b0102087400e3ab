// The row locks behind period close and reopen. The in-order rules read every month of
// the legal entity, so a close or reopen locks them all (FOR UPDATE, in period order):
// two finance people closing February and March at once run one after the other, and the
// second sees the first's result.
import type { Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export interface LockedPeriod {
  id: string;
  period: string;
  startDate: Date;
  endDate: Date;
  status: 'OPEN' | 'CLOSED';
  closedAt: Date | null;
  closedById: string | null;
}

export async function lockEntityPeriods(tx: Prisma.TransactionClient, legalEntityCode: string): Promise<{ legalEntityId: string; periods: LockedPeriod[] }> {
  const legalEntity = await tx.legalEntity.findUnique({ where: { code: legalEntityCode }, select: { id: true } });
  if (!legalEntity) throw new AppError('NOT_FOUND', `No legal entity ${legalEntityCode}.`);
  const periods = await tx.$queryRaw<LockedPeriod[]>`
    SELECT id::text, period, "startDate", "endDate", status::text AS status, "closedAt", "closedById"::text AS "closedById"
      FROM "AccountingPeriod" WHERE "legalEntityId" = ${legalEntity.id}::uuid ORDER BY period FOR UPDATE`;
  return { legalEntityId: legalEntity.id, periods };
}

/** What the audit trail records of a period, before and after. */
export function periodAuditState(period: Pick<LockedPeriod, 'status' | 'closedAt' | 'closedById'>) {
  return { status: period.status, closedAt: period.closedAt?.toISOString() ?? null, closedById: period.closedById };
}
