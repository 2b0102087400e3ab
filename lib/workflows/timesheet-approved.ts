// q2c.timesheet.approved.v1 (DESIGN.md §5, §6): approved time from the PSA or time tool.
// Each entry becomes a TimeTransaction priced at the contract rate for its role (then the
// standard card) on its work date and costed at the HCM cost rate in effect then. A later
// version of the same timesheet replaces its entries (delivery/record-timesheet.ts).
// Holds, all DATA_FIX so that fixing and replaying completes the flow: an engagementRef
// that does not resolve (TIME_FOR_UNKNOWN_ENGAGEMENT, impact = the time at list rates), an
// employee the HCM has not mastered (UNKNOWN_EMPLOYEE), a T&M rate that does not exist
// (RATE_CARD_MISSING). Idempotent per (timesheet, version, entry). A withdrawn timesheet
// (deleted in the time tool) supersedes its entries in force (delivery/withdraw-timesheet.ts).
import type { TimesheetApprovedData } from '../ingest/schemas/timesheet-approved.ts';
import { findDeliveryEngagement } from './delivery/find-engagement.ts';
import { priceTimesheet } from './delivery/price-timesheet.ts';
import { recordTimesheet } from './delivery/record-timesheet.ts';
import { resolveTimesheetEmployee } from './delivery/resolve-employee.ts';
import { valueAtStandardRates } from './delivery/standard-value.ts';
import { declaredVersion, decideVersion } from './delivery/timesheet-version.ts';
import { withdrawTimesheet } from './delivery/withdraw-timesheet.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const TIMESHEET_APPROVED_V1 = 'q2c.timesheet.approved.v1';

export const timesheetApprovedWorkflow: Workflow<TimesheetApprovedData> = {
  type: TIMESHEET_APPROVED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const approvedAt = new Date(data.approvedAt);
    if (data.withdrawn) {
      const withdrawal = await withdrawTimesheet(tx, { system: sender.system, timesheetId: data.timesheetId, version: declaredVersion(event, data), actor: sender.actor, eventId: event.inboxEventId, now });
      if (withdrawal.kind === 'stale') return { status: 'ignored', note: `The withdrawal of timesheet ${data.timesheetId} is older than its recorded v${withdrawal.latest}; not applied.` };
      return { status: 'applied', note: `Withdrew timesheet ${data.timesheetId}: ${withdrawal.superseded} entr${withdrawal.superseded === 1 ? 'y' : 'ies'} superseded (${withdrawal.toReverse} to reverse on the next invoice).` };
    }

    const engagement = await findDeliveryEngagement(tx, { system: sender.system, engagementRef: data.engagementRef });
    if (!engagement) {
      const value = await valueAtStandardRates(tx, data.entries);
      throw new WorkflowHold({
        code: 'TIME_FOR_UNKNOWN_ENGAGEMENT',
        entityType: 'Timesheet',
        entityId: data.timesheetId,
        title: `Timesheet ${data.timesheetId} names engagement "${data.engagementRef}", which does not resolve`,
        impact: { ...value, date: approvedAt },
        details: { engagementRef: data.engagementRef, system: sender.system, employeeId: data.employeeId },
      });
    }
    const employee = await resolveTimesheetEmployee(tx, { system: sender.system, employeeId: data.employeeId });
    if (!employee) {
      throw new WorkflowHold({
        code: 'UNKNOWN_EMPLOYEE',
        entityType: 'Employee',
        entityId: data.employeeId,
        legalEntityId: engagement.legalEntityId,
        title: `Timesheet ${data.timesheetId} is from employee ${data.employeeId}, whom the HCM has not mastered`,
        details: { timesheetId: data.timesheetId, system: sender.system, engagementCode: engagement.code },
      });
    }

    const recorded = await tx.timeTransaction.findMany({
      where: { sourceSystem: sender.system, sourceTimesheetId: data.timesheetId },
      select: { sourceTimesheetVersion: true, superseded: true, engagementId: true, workDate: true, hours: true, billable: true, serviceRole: { select: { code: true } } },
    });
    const decision = decideVersion({
      declared: declaredVersion(event, data),
      engagementId: engagement.id,
      entries: data.entries,
      recorded: recorded.map((r) => ({ version: r.sourceTimesheetVersion, superseded: r.superseded, engagementId: r.engagementId, workDate: r.workDate.toISOString().slice(0, 10), hours: r.hours.toString(), role: r.serviceRole.code, billable: r.billable })),
    });
    if (decision.kind === 'already-applied') return { status: 'applied', note: `Timesheet ${data.timesheetId} v${decision.version} is already recorded; nothing to do.` };
    if (decision.kind === 'stale') return { status: 'ignored', note: `Timesheet ${data.timesheetId} v${decision.version} is older than the recorded v${decision.latest}; not applied.` };

    const priced = await priceTimesheet(tx, { engagement, employeeId: employee.id, entries: data.entries, timesheetId: data.timesheetId });
    const result = await recordTimesheet(tx, {
      sheet: { system: sender.system, timesheetId: data.timesheetId, version: decision.version, approvedAt, approvedBy: data.approver },
      engagement,
      employee,
      entries: priced,
      actor: sender.actor,
      eventId: event.inboxEventId,
      now,
    });
    if (!result) return { status: 'applied', note: `Timesheet ${data.timesheetId} v${decision.version} was recorded by a concurrent transaction.` };
    const replaced = result.superseded > 0 ? `; replaced ${result.superseded} earlier entr${result.superseded === 1 ? 'y' : 'ies'} (${result.toReverse} to reverse on the next invoice)` : '';
    return { status: 'applied', note: `Recorded ${result.recorded} entr${result.recorded === 1 ? 'y' : 'ies'} of timesheet ${data.timesheetId} v${decision.version}${replaced}.` };
  },
};
