// Finding, creating and locking the canonical Employee an HCM id stands for. Creation is
// INSERT ... ON CONFLICT DO NOTHING on the unique (sourceSystem, externalId), so two
// transactions mastering the same new employee never fail: the second finds the first's row.
import type { Tx } from '../workflow.ts';
import { resolveExternalRef } from '../../services/crosswalk/resolve-external-ref.ts';
import { linkExternalRef } from '../../services/crosswalk/link-external-ref.ts';

export interface EmployeeSnapshot {
  id: string;
  name: string;
  costCenterId: string | null;
  costCenterCode: string | null;
  legalEntityId: string | null;
  costRate: string | null;
  costCurrency: string | null;
}

/** The employee the system's id resolves to; a row keyed by that id but not yet linked is linked now. */
export async function findEmployee(tx: Tx, system: string, externalId: string): Promise<string | null> {
  const key = { system, entityType: 'Employee' as const, externalId };
  const linked = await resolveExternalRef(tx, key);
  if (linked) return linked;
  const row = await tx.employee.findUnique({ where: { sourceSystem_externalId: { sourceSystem: system, externalId } }, select: { id: true } });
  if (!row) return null;
  await linkExternalRef(tx, { ...key, entityId: row.id });
  return row.id;
}

/** Creates the employee and its crosswalk link; null when a concurrent transaction created it first. */
export async function createEmployee(
  tx: Tx,
  values: { system: string; externalId: string; name: string; costCenterId?: string | null; legalEntityId?: string | null; costRate?: string; costCurrency?: string },
): Promise<string | null> {
  const { system, externalId, ...columns } = values;
  const created = await tx.employee.createManyAndReturn({ data: [{ ...columns, sourceSystem: system, externalId }], skipDuplicates: true, select: { id: true } });
  if (created.length === 0) return null;
  const { id } = created[0]!;
  await linkExternalRef(tx, { system, entityType: 'Employee', externalId, entityId: id });
  return id;
}

/** Locks the employee row for the rest of the transaction and reads it. */
export async function lockEmployee(tx: Tx, id: string): Promise<EmployeeSnapshot> {
  await tx.$queryRaw`SELECT 1 FROM "Employee" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await tx.employee.findUniqueOrThrow({ where: { id }, include: { costCenter: { select: { code: true } } } });
  return {
    id: row.id,
    name: row.name,
    costCenterId: row.costCenterId,
    costCenterCode: row.costCenter?.code ?? null,
    legalEntityId: row.legalEntityId,
    costRate: row.costRate?.toString() ?? null,
    costCurrency: row.costCurrency,
  };
}
