// A timesheet the time tool deleted (withdrawn: true): every recorded entry still in force
// is superseded, exactly as a replacing version would supersede it, so billed ones are
// reversed on the next invoice by the billing core's TIME_REVERSAL and unbilled ones are
// never billed. Repeating it finds nothing in force and changes nothing. A withdrawal
// older than the recorded version (the tool re-logged afterwards) is stale.
import type { AuditActor } from '../../services/audit/write-audit.ts';
import { writeAuditMany } from '../../services/audit/write-audit.ts';
import type { Tx } from '../workflow.ts';

export type WithdrawalResult = { kind: 'stale'; latest: number } | { kind: 'withdrawn'; superseded: number; toReverse: number };

export async function withdrawTimesheet(
  tx: Tx,
  options: { system: string; timesheetId: string; version: number | null; actor: AuditActor; eventId: string; now: Date },
): Promise<WithdrawalResult> {
  const { system, timesheetId, version, actor, eventId, now } = options;
  const inForce = await tx.timeTransaction.findMany({
    where: { sourceSystem: system, sourceTimesheetId: timesheetId, superseded: false },
    select: { id: true, sourceTimesheetVersion: true, invoiceLineId: true, engagement: { select: { correlationId: true } } },
  });
  const latest = inForce.reduce((max, r) => Math.max(max, r.sourceTimesheetVersion), 0);
  if (version !== null && version < latest) return { kind: 'stale', latest };
  if (inForce.length === 0) return { kind: 'withdrawn', superseded: 0, toReverse: 0 };

  // Guarded by superseded = false: a concurrent withdrawal supersedes each row once.
  const { count } = await tx.timeTransaction.updateMany({ where: { id: { in: inForce.map((r) => r.id) }, superseded: false }, data: { superseded: true, supersededAt: now } });
  await writeAuditMany(
    tx,
    inForce.map((r) => ({
      actor,
      entityType: 'TimeTransaction',
      entityId: r.id,
      action: 'time.superseded',
      after: { superseded: true, withdrawn: true, byVersion: version, invoiced: r.invoiceLineId !== null },
      correlationId: r.engagement.correlationId,
      eventId,
      at: now,
    })),
  );
  return { kind: 'withdrawn', superseded: count, toReverse: inForce.filter((r) => r.invoiceLineId !== null).length };
}
