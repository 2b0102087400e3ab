// Finding, creating and locking the canonical Employee an HCM id stands for. Creation is
// INSERT ... ON CONFLICT DO NOTHING on the unique (sourceSystem, externalId), so two
// transactions mastering the same new employee never fail: the second finds the first's row.
// Finding and creating are the inbox processor's hot path (an HCM load is thousands of new
// employees): each is one statement on the transaction's pg connection (docs/PERFORMANCE.md).
import { randomUUID } from 'node:crypto';
import type { TransactionSql } from '../../db/transaction-connection.ts';
import { normaliseDecimal } from '../../domain/money/decimal-string.ts';
import { auditInsertRow, type AuditEntry } from '../../services/audit/write-audit.ts';
import { resolveExternalRef } from '../../services/crosswalk/resolve-external-ref.ts';
import { ExternalRefConflictError, linkExternalRef } from '../../services/crosswalk/link-external-ref.ts';
import type { Tx } from '../workflow.ts';
import type { CostRateEntry } from './employee-cost-rate.ts';

export interface EmployeeSnapshot {
  id: string;
  name: string;
  costCenterId: string | null;
  costCenterCode: string | null;
  legalEntityId: string | null;
  costRate: string | null;
  costCurrency: string | null;
}

interface Db {
  tx: Tx;
  sql: TransactionSql;
}

/** The employee the system's id resolves to; a row keyed by that id but not yet linked is linked now. */
export async function findEmployee({ tx, sql }: Db, system: string, externalId: string): Promise<string | null> {
  const { rows } = await sql.query<{ linked: string | null; keyed: string | null }>({
    name: 'employee-find',
    text: `SELECT (SELECT "entityId"::text FROM "ExternalRef" WHERE system = $1 AND "entityType" = 'Employee' AND "externalId" = $2) AS linked,
                  (SELECT id::text FROM "Employee" WHERE "sourceSystem" = $1 AND "externalId" = $2) AS keyed`,
    values: [system, externalId],
  });
  const { linked, keyed } = rows[0]!;
  if (linked) return linked;
  if (!keyed) return null;
  await linkExternalRef(tx, { system, entityType: 'Employee', externalId, entityId: keyed });
  return keyed;
}

export interface NewEmployee {
  system: string;
  externalId: string;
  name: string;
  costCenterId: string | null;
  legalEntityId: string | null;
  costRate?: string;
  costCurrency?: string;
}

/**
 * Creates the employee with its crosswalk link, the first entry of its cost-rate history
 * (when it has a rate) and its audit record, in one statement. Null when a concurrent
 * transaction created it first (then nothing is written). Throws ExternalRefConflictError
 * when the id is already linked to another entity; the caller's rollback removes the rest.
 */
export async function createEmployee({ tx, sql }: Db, employee: NewEmployee, options: { firstCostRate: CostRateEntry | null; audit: (id: string) => AuditEntry }): Promise<string | null> {
  const id = randomUUID();
  const rate = options.firstCostRate;
  const audit = auditInsertRow(options.audit(id), 12);
  const { rows } = await sql.query<{ created: number; linked: number }>({
    name: 'employee-create',
    text: `WITH employee AS (
             INSERT INTO "Employee" (id, name, "costCenterId", "legalEntityId", "costRate", "costCurrency", "sourceSystem", "externalId", "updatedAt")
             VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5::numeric, $6, $7, $8, clock_timestamp())
             ON CONFLICT DO NOTHING
             RETURNING id
           ), link AS (
             INSERT INTO "ExternalRef" (id, system, "externalId", "entityType", "entityId", "updatedAt")
             SELECT gen_random_uuid(), $7, $8, 'Employee', id, clock_timestamp() FROM employee
             ON CONFLICT DO NOTHING
             RETURNING id
           ), rate AS (
             INSERT INTO "EmployeeCostRate" (id, "employeeId", "effectiveFrom", "costRate", currency)
             SELECT gen_random_uuid(), id, $9::date, $10::numeric, $11 FROM employee WHERE $10::numeric IS NOT NULL
           ), audit AS (
             INSERT INTO "AuditRecord" (${audit.columns}) SELECT ${audit.row} FROM employee
           )
           SELECT (SELECT count(*) FROM employee)::int AS created, (SELECT count(*) FROM link)::int AS linked`,
    values: [
      id,
      employee.name,
      employee.costCenterId,
      employee.legalEntityId,
      employee.costRate ?? null,
      employee.costCurrency ?? null,
      employee.system,
      employee.externalId,
      // A Date column: the calendar date itself, whatever the process's time zone.
      rate ? rate.effectiveFrom.toISOString().slice(0, 10) : null,
      rate?.costRate ?? null,
      rate?.currency ?? null,
      ...audit.values,
    ],
  });
  const { created, linked } = rows[0]!;
  if (created === 0) return null;
  if (linked === 0) {
    const key = { system: employee.system, entityType: 'Employee' as const, externalId: employee.externalId };
    const other = await resolveExternalRef(tx, key);
    if (other === null) throw new Error(`ExternalRef ${key.system}/Employee/${key.externalId} was neither inserted nor found.`);
    throw new ExternalRefConflictError(key, other, id);
  }
  return id;
}

/** Locks the employee row for the rest of the transaction and reads it (one statement). */
export async function lockEmployee(sql: TransactionSql, id: string): Promise<EmployeeSnapshot> {
  // The cost center's code as a subquery, not a join: after waiting for a concurrent
  // holder, FOR UPDATE re-reads the employee's latest version, and the subquery follows it.
  const { rows } = await sql.query<EmployeeSnapshot>({
    name: 'employee-lock',
    text: `SELECT e.id::text AS id, e.name, e."costCenterId"::text AS "costCenterId", e."legalEntityId"::text AS "legalEntityId",
                  e."costRate"::text AS "costRate", e."costCurrency"::text AS "costCurrency",
                  (SELECT c.code FROM "CostCenter" c WHERE c.id = e."costCenterId") AS "costCenterCode"
             FROM "Employee" e WHERE e.id = $1::uuid FOR UPDATE`,
    values: [id],
  });
  const row = rows[0];
  if (!row) throw new Error(`Employee ${id} does not exist.`);
  return { ...row, costRate: row.costRate === null ? null : normaliseDecimal(row.costRate) };
}
