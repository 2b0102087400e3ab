// FINANCE's decision on UNBILLED_APPROVED_TIME (docs/EXCEPTIONS.md): approve = write the time
// off, reject = keep it billable for the next invoice run. Runs inside the transaction that
// records the decision (decision-effects.ts). The engagement is locked as a billing run locks
// it, so a run drafting it either billed the time first (nothing left to write off) or waits
// and finds it written off. The decision's reach is stored on the exception
// (details.decision.standsUntil) for the reconciliation job: a write-off covered only what it
// wrote off (what the run as of the finding found), so any run from then on that finds unbilled
// time finds new time and raises it again; keeping time billable stands for one more billing
// cadence after the decision, then the job asks again if it is still unbilled.
import type { Prisma } from '../../db/client.ts';
import type { Exception } from '../../db/generated/client.ts';
import { CADENCE_DAYS, isTimeBillingCadence } from '../../domain/reconciliation/unbilled-time-ageing.ts';
import { isUuid } from '../../http/is-uuid.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOverdueTime } from './load-overdue-time.ts';

interface DecisionInput {
  exception: Exception;
  actor: { userId: string };
  note: string | null;
  now: Date;
}

export async function writeOffUnbilledTime(tx: Prisma.TransactionClient, { exception, actor, note, now }: DecisionInput) {
  if (!isUuid(exception.entityId)) return { writtenOff: null, reason: 'not about an engagement' };
  await tx.$queryRaw`SELECT id FROM "Engagement" WHERE id = ${exception.entityId}::uuid FOR NO KEY UPDATE`;
  const overdue = await loadOverdueTime(tx, { exception, now, lock: true });
  if (!overdue) return { writtenOff: null, reason: 'not about an engagement' };
  if (overdue.entryIds.length === 0) {
    await recordDecision(tx, exception.id, { kind: 'WRITE_OFF', standsUntil: overdue.asOf.toISOString(), timeWriteOffId: null });
    return { writtenOff: null, reason: 'nothing left unbilled: billed or written off since' };
  }

  const { plan } = overdue;
  const writeOff = await tx.timeWriteOff.create({
    data: {
      engagementId: overdue.engagementId, exceptionId: exception.id, amount: plan.amount, currency: plan.currency, hours: plan.hours,
      entries: plan.entries, unpricedEntries: plan.unpriced.length, note, writtenOffById: actor.userId, writtenOffAt: now,
    },
    select: { id: true },
  });
  // The rows are locked and matched unbilled: the conditions only guard against a bug elsewhere.
  const marked = await tx.timeTransaction.updateMany({ where: { id: { in: overdue.entryIds }, invoiceLineId: null, timeWriteOffId: null }, data: { timeWriteOffId: writeOff.id } });
  if (marked.count !== overdue.entryIds.length) throw new Error(`Write-off ${writeOff.id}: ${marked.count} of ${overdue.entryIds.length} entries were still unbilled`);
  await recordDecision(tx, exception.id, { kind: 'WRITE_OFF', standsUntil: overdue.asOf.toISOString(), timeWriteOffId: writeOff.id });
  const summary = { timeWriteOffId: writeOff.id, engagementId: overdue.engagementId, asOf: overdue.asOf.toISOString(), entries: plan.entries, hours: plan.hours, amount: plan.amount, currency: plan.currency, unpricedEntries: plan.unpriced.length, lines: plan.lines };
  await writeAudit(tx, { actor: { type: 'USER', id: actor.userId }, entityType: 'Engagement', entityId: overdue.engagementId, action: 'time.written-off', after: { ...summary, note, entryIds: overdue.entryIds }, correlationId: exception.correlationId, at: now });
  return { writtenOff: summary };
}

export async function keepUnbilledTimeBillable(tx: Prisma.TransactionClient, { exception, now }: DecisionInput) {
  const cadence = (exception.details as { cadence?: unknown } | null)?.cadence;
  const days = CADENCE_DAYS[typeof cadence === 'string' && isTimeBillingCadence(cadence) ? cadence : 'WEEKLY'];
  const standsUntil = new Date(now.getTime() + days * 86_400_000).toISOString();
  await recordDecision(tx, exception.id, { kind: 'KEEP_BILLABLE', standsUntil });
  return { keptBillable: true, recheckFrom: standsUntil };
}

async function recordDecision(tx: Prisma.TransactionClient, exceptionId: string, decision: { kind: string; standsUntil: string; timeWriteOffId?: string | null }) {
  await tx.$executeRaw`UPDATE "Exception" SET details = COALESCE(details, '{}'::jsonb) || jsonb_build_object('decision', ${JSON.stringify(decision)}::jsonb) WHERE id = ${exceptionId}::uuid`;
}

