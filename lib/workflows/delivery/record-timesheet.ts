// Writes one version of a timesheet: its entries as TimeTransactions (priced and costed),
// every entry of earlier versions marked superseded (never deleted: one already invoiced is
// reversed on the next invoice by the billing core's TIME_REVERSAL), audit per entry and
// lineage Engagement → TimeTransaction and new entry → the one it replaces. The insert is
// ON CONFLICT DO NOTHING on (source, timesheet, version, entry), so a concurrent apply of
// the same version writes nothing twice.
import { randomUUID } from 'node:crypto';
import type { AuditActor, AuditEntry } from '../../services/audit/write-audit.ts';
import { writeAuditMany } from '../../services/audit/write-audit.ts';
import { linkLineage, type LineageEdge } from '../../services/lineage/link-lineage.ts';
import type { Tx } from '../workflow.ts';
import type { DeliveryEngagement } from './find-engagement.ts';
import type { PricedTimeEntry } from './price-timesheet.ts';

export interface TimesheetVersion {
  system: string;
  timesheetId: string;
  version: number;
  approvedAt: Date;
  approvedBy: string;
}

export interface RecordedTimesheet {
  recorded: number;
  superseded: number;
  /** Superseded entries that had been invoiced: the next invoice reverses them. */
  toReverse: number;
}

export async function recordTimesheet(
  tx: Tx,
  options: { sheet: TimesheetVersion; engagement: DeliveryEngagement; employee: { id: string; costCenterId: string | null }; entries: readonly PricedTimeEntry[]; actor: AuditActor; eventId: string; now: Date },
): Promise<RecordedTimesheet | null> {
  const { sheet, engagement, employee, actor, eventId, now } = options;
  const treatment = engagement.billingPlan?.revenueTreatment ?? 'AS_DELIVERED';
  const rows = options.entries.map((p) => ({
    id: randomUUID(),
    engagementId: engagement.id,
    employeeId: employee.id,
    serviceRoleId: p.serviceRoleId,
    workDate: new Date(`${p.entry.date}T00:00:00Z`),
    hours: p.entry.hours,
    billable: p.entry.billable,
    approvalStatus: 'APPROVED' as const,
    approvedAt: sheet.approvedAt,
    approvedBy: sheet.approvedBy,
    notes: p.entry.notes ?? null,
    rateCardLineId: p.rateCardLineId,
    rateApplied: p.rateApplied,
    amount: p.amount,
    currency: engagement.currency,
    costRate: p.costRate,
    cost: p.cost,
    costCurrency: p.costCurrency,
    costCenterId: employee.costCenterId,
    revenueTreatment: treatment,
    sourceSystem: sheet.system,
    sourceTimesheetId: sheet.timesheetId,
    sourceTimesheetVersion: sheet.version,
    entryIndex: p.entryIndex,
  }));
  const { count } = await tx.timeTransaction.createMany({ data: rows, skipDuplicates: true });
  if (count === 0) return null; // another transaction recorded this version first

  const replaced = await tx.timeTransaction.findMany({
    where: { sourceSystem: sheet.system, sourceTimesheetId: sheet.timesheetId, superseded: false, sourceTimesheetVersion: { lt: sheet.version } },
    select: { id: true, entryIndex: true, engagementId: true, invoiceLineId: true, engagement: { select: { correlationId: true } } },
  });
  if (replaced.length > 0) {
    await tx.timeTransaction.updateMany({ where: { id: { in: replaced.map((r) => r.id) } }, data: { superseded: true, supersededAt: now } });
  }

  const audit = (entityId: string, action: string, after: unknown, correlationId: string): AuditEntry => ({ actor, entityType: 'TimeTransaction', entityId, action, after, correlationId, eventId, at: now });
  await writeAuditMany(tx, [
    ...rows.map((r) => audit(r.id, 'time.recorded', { ...r, workDate: r.workDate.toISOString().slice(0, 10) }, engagement.correlationId)),
    ...replaced.map((r) => audit(r.id, 'time.superseded', { superseded: true, byVersion: sheet.version, invoiced: r.invoiceLineId !== null }, r.engagement.correlationId)),
  ]);

  const byIndex = new Map(replaced.map((r) => [r.entryIndex, r]));
  const edges: LineageEdge[] = rows.flatMap((r) => {
    const contains: LineageEdge = {
      from: { type: 'Engagement', id: engagement.id },
      to: { type: 'TimeTransaction', id: r.id },
      relation: 'CONTAINS',
      ...(r.amount !== null ? { amount: r.amount, currency: r.currency } : {}),
      eventId,
      correlationId: engagement.correlationId,
    };
    const old = byIndex.get(r.entryIndex);
    const supersedes: LineageEdge[] = old ? [{ from: { type: 'TimeTransaction', id: r.id }, to: { type: 'TimeTransaction', id: old.id }, relation: 'SUPERSEDES', eventId, correlationId: engagement.correlationId }] : [];
    return [contains, ...supersedes];
  });
  await linkLineage(tx, edges);
  return { recorded: count, superseded: replaced.length, toReverse: replaced.filter((r) => r.invoiceLineId !== null).length };
}
