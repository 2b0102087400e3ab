// Bulk writes for the billing run's hot path: one statement for any number of rows, the
// rows sent as a single JSON parameter and typed by jsonb_to_recordset. Prisma's createMany
// and per-row updates spend milliseconds of CPU per row, which a run over thousands of
// engagements cannot afford. Table and column names come from code, never from input.
import type { Prisma } from '../../db/client.ts';

/** Column name → PostgreSQL type, e.g. { id: 'uuid', status: '"InvoiceStatus"', amount: 'numeric' }. */
export type ColumnTypes = Record<string, string>;

const recordset = (columns: ColumnTypes) => Object.entries(columns).map(([name, type]) => `"${name}" ${type}`).join(', ');

/** INSERT of every row; returns how many were inserted. A unique violation fails the statement. */
export async function insertRows(tx: Prisma.TransactionClient, table: string, columns: ColumnTypes, rows: readonly Record<string, unknown>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const names = Object.keys(columns).map((n) => `"${n}"`).join(', ');
  return tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${recordset(columns)})`, JSON.stringify(rows));
}

/** UPDATE of rows matched by id: every column but id is set from the row. */
export async function updateRows(tx: Prisma.TransactionClient, table: string, columns: ColumnTypes, rows: readonly Record<string, unknown>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const sets = Object.keys(columns).filter((n) => n !== 'id').map((n) => `"${n}" = x."${n}"`).join(', ');
  return tx.$executeRawUnsafe(`UPDATE "${table}" t SET ${sets} FROM jsonb_to_recordset($1::jsonb) AS x(${recordset({ id: 'uuid', ...columns })}) WHERE t.id = x.id`, JSON.stringify(rows));
}
