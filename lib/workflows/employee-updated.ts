// q2c.employee.updated.v1 (DESIGN.md §5, §6): the HCM masters employees, their cost rates
// and cost centers. The employee is found through the id crosswalk (sender code, Employee,
// employeeId) and created when new; the cost rate goes into the history from the event's
// date. Only what changed is written and audited, so a replay does nothing. A system that
// does not own the fields changes nothing and raises OWNERSHIP_VIOLATION. Timesheets that
// named the employee before the HCM had sent it (held, UNKNOWN_EMPLOYEE) are released when
// it is created: the HCM and the PSA do not wait for each other.
import type { EmployeeUpdatedData } from '../ingest/schemas/employee-updated.ts';
import { decideFieldChanges, mayChange, ownerOf, type RefusedField } from '../domain/stewardship/decide-field-changes.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { releaseHeldEvents } from '../services/exceptions/release-held-events.ts';
import { holdOnCrosswalkConflict } from './master-data/crosswalk-hold.ts';
import { costRateInEffect, latestCostRate, recordCostRate, sameCostRate, utcDate, type CostRate } from './master-data/employee-cost-rate.ts';
import { createEmployee, findEmployee, lockEmployee } from './master-data/employee-record.ts';
import { ownershipRulesIn } from './master-data/ownership-rules.ts';
import { raiseOwnershipViolation } from './master-data/raise-ownership-violation.ts';
import { resolveCostCenter } from './master-data/resolve-cost-center.ts';
import { masterDataSender } from './master-data/sender.ts';
import type { Workflow, WorkflowOutcome } from './workflow.ts';

export const EMPLOYEE_UPDATED_V1 = 'q2c.employee.updated.v1';

export const employeeUpdatedWorkflow: Workflow<EmployeeUpdatedData> = {
  type: EMPLOYEE_UPDATED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    const rules = await ownershipRulesIn(tx, 'Employee');
    const effectiveFrom = utcDate(event.time ?? event.receivedAt);
    const proposedRate: CostRate = { costRate: data.costRate, currency: data.currency };
    const holdAs = (entityId: string) => ({ code: 'UNKNOWN_EMPLOYEE' as const, entityType: 'Employee' as const, entityId });
    const costCenterOf = (entityId: string) => resolveCostCenter(tx, { code: data.costCenter, employee: { entityId, externalId: data.employeeId, name: data.name } });
    const audit = { actor: sender.actor, entityType: 'Employee' as const, correlationId: event.correlationId, eventId: event.inboxEventId, at: now };
    const violation = (entityId: string, refused: RefusedField[]) =>
      raiseOwnershipViolation(tx, { event, sender, entityType: 'Employee', entityId, externalId: data.employeeId, refused, now });

    let employeeId = await holdOnCrosswalkConflict(holdAs(data.employeeId), () => findEmployee(context, sender.system, data.employeeId));

    if (employeeId === null) {
      // Creating an employee is a change to the whole record: the sender must own "*".
      if (!mayChange('Employee', '*', sender.kind, rules)) {
        await violation(data.employeeId, [{ field: '*', owner: ownerOf('Employee', '*', rules)! }]);
        return { status: 'ignored', note: `${sender.system} may not create employees; OWNERSHIP_VIOLATION raised.` };
      }
      // The creator seeds the name (the row cannot exist without it); the rest is stewarded.
      const { apply, refused } = decideFieldChanges({
        domain: 'Employee',
        changes: { costCenterId: data.costCenter, costRate: data.costRate, costCurrency: data.currency },
        senderKind: sender.kind,
        rules,
      });
      const costCenter = 'costCenterId' in apply ? await costCenterOf(data.employeeId) : null;
      const withRate = 'costRate' in apply && 'costCurrency' in apply;
      const created = { name: data.name, costCenterId: costCenter?.id ?? null, legalEntityId: costCenter?.legalEntityId ?? null, ...(withRate ? { costRate: data.costRate, costCurrency: data.currency } : {}) };
      const history = withRate ? { ...proposedRate, effectiveFrom } : null;
      const createdId = await holdOnCrosswalkConflict(holdAs(data.employeeId), () =>
        createEmployee(context, { system: sender.system, externalId: data.employeeId, ...created }, {
          firstCostRate: history,
          audit: (id) => ({ ...audit, entityId: id, action: 'employee.created', after: { ...created, externalId: data.employeeId, costCenterCode: costCenter ? data.costCenter : null, costRateHistory: history } }),
        }),
      );
      if (createdId !== null) {
        if (refused.length > 0) await violation(createdId, refused);
        const released = await releaseHeldEvents(tx, { key: holdAs(data.employeeId), resolution: (n) => `The HCM sent employee ${data.employeeId}; ${n} waiting event(s) requeued.`, now });
        return { status: 'applied', note: released.length > 0 ? `Employee created; ${released.length} waiting event(s) requeued.` : 'Employee created.' };
      }
      // A concurrent transaction created it first: apply this event as an update.
      employeeId = (await findEmployee(context, sender.system, data.employeeId))!;
    }

    const current = await lockEmployee(context.sql, employeeId);
    const currentRate = current.costRate && current.costCurrency ? { costRate: current.costRate, currency: current.costCurrency } : null;
    // Compared with the rate in effect on the event's date, so a back-dated repeat is a no-op too.
    const rateInEffect = (await costRateInEffect(context.sql, employeeId, effectiveFrom)) ?? currentRate;
    const changes: Record<string, string> = {};
    if (current.name !== data.name) changes.name = data.name;
    if (current.costCenterCode !== data.costCenter) changes.costCenterId = data.costCenter;
    if (!sameCostRate(rateInEffect, proposedRate)) Object.assign(changes, { costRate: data.costRate, costCurrency: data.currency });

    const { apply, refused } = decideFieldChanges({ domain: 'Employee', changes, senderKind: sender.kind, rules });
    if (Object.keys(apply).length === 0) {
      if (refused.length === 0) return { status: 'applied', note: 'No change.' };
      await violation(employeeId, refused);
      return { status: 'ignored', note: `${sender.system} does not own ${refused.map((r) => r.field).join(', ')} of employees; OWNERSHIP_VIOLATION raised.` };
    }

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set = (column: 'name' | 'costCenterId' | 'legalEntityId' | 'costRate' | 'costCurrency', from: unknown, to: unknown) => {
      before[column] = from;
      after[column] = to;
    };
    if ('name' in apply) set('name', current.name, data.name);
    if ('costCenterId' in apply) {
      const costCenter = await costCenterOf(employeeId);
      set('costCenterId', current.costCenterId, costCenter.id);
      Object.assign(before, { costCenterCode: current.costCenterCode });
      Object.assign(after, { costCenterCode: data.costCenter });
      // The legal entity follows the cost center, when it has one.
      if (costCenter.legalEntityId && costCenter.legalEntityId !== current.legalEntityId && mayChange('Employee', 'legalEntityId', sender.kind, rules)) {
        set('legalEntityId', current.legalEntityId, costCenter.legalEntityId);
      }
    }
    let history = null;
    if ('costRate' in apply && 'costCurrency' in apply) {
      history = await recordCostRate(context, employeeId, { ...proposedRate, effectiveFrom });
      const latest = await latestCostRate(tx, employeeId);
      if (latest && !sameCostRate(latest, currentRate)) {
        set('costRate', current.costRate, latest.costRate);
        set('costCurrency', current.costCurrency, latest.currency);
      }
    }

    const columns = Object.fromEntries(Object.entries(after).filter(([key]) => key !== 'costCenterCode'));
    if (Object.keys(columns).length > 0) await tx.employee.update({ where: { id: employeeId }, data: columns });
    if (Object.keys(columns).length > 0 || history) {
      await writeAudit(tx, { ...audit, entityId: employeeId, action: 'employee.updated', before, after: { ...after, ...(history ? { costRateHistory: history } : {}) } });
    }
    if (refused.length > 0) await violation(employeeId, refused);
    return { status: 'applied', note: refused.length > 0 ? `Applied; refused ${refused.map((r) => r.field).join(', ')} (OWNERSHIP_VIOLATION).` : undefined };
  },
};
