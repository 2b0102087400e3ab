// The employee a timesheet names. The PSA or time tool usually sends the HCM's employee
// id, so the sender's own crosswalk entry is tried first, then any system's entry for that
// id — accepted only when all of them point at one employee (an id two systems use for
// different people is a mapping problem, not something to guess). No link is written.
import type { Tx } from '../workflow.ts';

export interface TimesheetEmployee {
  id: string;
  costCenterId: string | null;
}

export async function resolveTimesheetEmployee(tx: Tx, options: { system: string; employeeId: string }): Promise<TimesheetEmployee | null> {
  const refs = await tx.externalRef.findMany({ where: { entityType: 'Employee', externalId: options.employeeId }, select: { system: true, entityId: true } });
  const own = refs.find((r) => r.system === options.system);
  const candidates = new Set(refs.map((r) => r.entityId));
  const id = own?.entityId ?? (candidates.size === 1 ? [...candidates][0] : undefined);
  if (id) return tx.employee.findUnique({ where: { id }, select: { id: true, costCenterId: true } });
  const rows = await tx.employee.findMany({ where: { externalId: options.employeeId }, select: { id: true, costCenterId: true }, take: 2 });
  return rows.length === 1 ? rows[0]! : null;
}
