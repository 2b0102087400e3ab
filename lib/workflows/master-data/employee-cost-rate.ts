// Cost-rate history (EmployeeCostRate): time is costed at the rate in effect on its work
// date, even when the HCM update arrives later. A new row is written only when the rate in
// effect on that date actually changes; a second update on the same date corrects that
// day's row. Callers hold the employee's row lock, so history writes are serialized.
import type { TransactionSql } from '../../db/transaction-connection.ts';
import { compareDecimalStrings, normaliseDecimal } from '../../domain/money/decimal-string.ts';
import type { Tx } from '../workflow.ts';

export interface CostRate {
  costRate: string;
  currency: string;
}

export interface CostRateEntry extends CostRate {
  effectiveFrom: Date;
}

/** The UTC calendar date of an instant (Date columns hold midnight UTC). */
export function utcDate(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** The history entry in effect on a date (read on every HCM update: one statement on the transaction's pg connection). */
export async function costRateInEffect(sql: TransactionSql, employeeId: string, on: Date): Promise<CostRateEntry | null> {
  // Dates and numbers as text: a Date column is a calendar date (midnight UTC here), and a rate stays exact.
  const { rows } = await sql.query<{ effectiveFrom: string; costRate: string; currency: string }>({
    name: 'employee-cost-rate-in-effect',
    text: `SELECT "effectiveFrom"::text AS "effectiveFrom", "costRate"::text AS "costRate", currency
             FROM "EmployeeCostRate" WHERE "employeeId" = $1::uuid AND "effectiveFrom" <= $2::date
            ORDER BY "effectiveFrom" DESC LIMIT 1`,
    values: [employeeId, on.toISOString().slice(0, 10)],
  });
  const row = rows[0];
  return row ? { effectiveFrom: new Date(`${row.effectiveFrom}T00:00:00Z`), costRate: normaliseDecimal(row.costRate), currency: row.currency } : null;
}

export function sameCostRate(a: CostRate | null, b: CostRate | null): boolean {
  if (!a || !b) return a === b;
  return a.currency === b.currency && compareDecimalStrings(a.costRate, b.costRate) === 0;
}

/** Records the rate from `effectiveFrom`; returns the entry written, or null when nothing changed. */
export async function recordCostRate({ tx, sql }: { tx: Tx; sql: TransactionSql }, employeeId: string, entry: CostRateEntry): Promise<CostRateEntry | null> {
  const inEffect = await costRateInEffect(sql, employeeId, entry.effectiveFrom);
  if (sameCostRate(inEffect, entry)) return null;
  const data = { costRate: entry.costRate, currency: entry.currency };
  if (inEffect && inEffect.effectiveFrom.getTime() === entry.effectiveFrom.getTime()) {
    await tx.employeeCostRate.update({ where: { employeeId_effectiveFrom: { employeeId, effectiveFrom: entry.effectiveFrom } }, data });
  } else {
    await tx.employeeCostRate.create({ data: { ...data, employeeId, effectiveFrom: entry.effectiveFrom } });
  }
  return entry;
}

/** The latest rate of the history: what Employee.costRate shows as current. */
export async function latestCostRate(tx: Tx, employeeId: string): Promise<CostRate | null> {
  const row = await tx.employeeCostRate.findFirst({ where: { employeeId }, orderBy: { effectiveFrom: 'desc' } });
  return row ? { costRate: row.costRate.toString(), currency: row.currency } : null;
}
