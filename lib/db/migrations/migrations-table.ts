// The `_prisma_migrations` bookkeeping table, byte-for-byte as Prisma's schema engine creates it
// on PostgreSQL (string in @prisma/schema-engine-wasm's schema_engine_bg.wasm, from
// prisma-engines sql-schema-connector), so Prisma's own CLI can read what we write.
import type pg from 'pg';

export type Queryable = pg.ClientBase | pg.Pool;

export const MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export type MigrationRow = {
  id: string;
  checksum: string;
  migrationName: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
};

export async function migrationsTableExists(db: Queryable): Promise<boolean> {
  const result = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`,
  );
  return result.rows[0]?.exists === true;
}

/** Creates the table when missing. Call under the migration advisory lock: the check is not atomic. */
export async function ensureMigrationsTable(db: Queryable): Promise<void> {
  if (await migrationsTableExists(db)) return;
  await db.query(MIGRATIONS_TABLE_DDL);
}

export async function readMigrationRows(db: Queryable): Promise<MigrationRow[]> {
  if (!(await migrationsTableExists(db))) return [];
  const result = await db.query<MigrationRow>(
    `SELECT id, checksum, migration_name AS "migrationName", started_at AS "startedAt",
            finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt", logs
       FROM _prisma_migrations
      ORDER BY started_at ASC`,
  );
  return result.rows;
}
