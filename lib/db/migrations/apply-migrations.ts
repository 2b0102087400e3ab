// Applies pending prisma/migrations/* to a PostgreSQL database with the pg driver, recording
// `_prisma_migrations` rows as Prisma does, because Prisma's own `migrate deploy` needs a native
// engine this machine cannot download. Safe to run from several processes at once.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { compareMigrationHistory } from './compare-migration-history.ts';
import { connectDatabase } from './connect-database.ts';
import { errorMessage, MigrationError } from './migration-error.ts';
import { ensureMigrationsTable, readMigrationRows } from './migrations-table.ts';
import { defaultMigrationsDir, readMigrationsDir, type LocalMigration } from './read-migrations-dir.ts';

// The advisory lock key Prisma's schema engine takes (`SELECT pg_advisory_lock(72707369)`), so we
// also serialise against a `prisma migrate deploy` run from a connected machine.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export type ApplyMigrationsOptions = {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (message: string) => void;
  /** How long to wait for another process that is migrating the same database. */
  lockTimeoutMs?: number;
};

export type ApplyMigrationsResult = { applied: string[]; alreadyApplied: number };

export async function applyMigrations({
  databaseUrl,
  migrationsDir = defaultMigrationsDir(),
  log = () => undefined,
  lockTimeoutMs = 60_000,
}: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  if (!databaseUrl) throw new MigrationError('DATABASE_UNREACHABLE', 'No database URL was given to apply migrations to.');
  const local = readMigrationsDir({ migrationsDir });

  const client = await connectDatabase({ databaseUrl });
  try {
    await takeMigrationLock(client, lockTimeoutMs);
    try {
      await ensureMigrationsTable(client);
      const history = compareMigrationHistory({ local, rows: await readMigrationRows(client) });
      refuseBrokenHistory(history.failed, history.checksumMismatch);
      if (history.missingFromDirectory.length > 0) {
        log(`The database has migrations this code does not know: ${history.missingFromDirectory.join(', ')}.`);
      }

      const applied: string[] = [];
      for (const migration of history.pending) {
        const startedMs = Date.now();
        await applyOne(client, migration);
        applied.push(migration.name);
        log(`Applied migration ${migration.name} (${Date.now() - startedMs} ms).`);
      }
      return { applied, alreadyApplied: history.applied.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function takeMigrationLock(client: pg.Client, lockTimeoutMs: number): Promise<void> {
  // Session-level lock on this one connection; lock_timeout bounds the wait without limiting
  // the migrations themselves, hence the RESET.
  await client.query(`SET lock_timeout = ${Math.max(0, Math.floor(lockTimeoutMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
  } catch (error) {
    if (pgErrorCode(error) === '55P03') {
      throw new MigrationError(
        'MIGRATION_LOCK_TIMEOUT',
        `Another process kept the migration lock for more than ${Math.round(lockTimeoutMs / 1000)} s; it may still be migrating this database.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    await client.query('RESET lock_timeout');
  }
}

function refuseBrokenHistory(failed: string[], checksumMismatch: string[]): void {
  const [firstFailed] = failed;
  if (firstFailed !== undefined) {
    throw new MigrationError(
      'MIGRATION_PREVIOUSLY_FAILED',
      `Migration ${failed.join(', ')} is recorded as failed in _prisma_migrations (started, never finished); ` +
        `repair the database by hand, then mark it rolled back ` +
        `(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${firstFailed}' AND finished_at IS NULL) ` +
        `before applying migrations again.`,
    );
  }
  if (checksumMismatch.length > 0) {
    throw new MigrationError(
      'MIGRATION_CHECKSUM_MISMATCH',
      `Migration ${checksumMismatch.join(', ')} was edited after it was applied to this database ` +
        `(its migration.sql no longer matches the recorded checksum); restore the applied version ` +
        `and put the change in a new migration (npm run db:migrate:new -- <name>).`,
    );
  }
}

// One transaction per migration: a failing script leaves no half-applied schema and no row,
// so fixing the file and running again is enough (Prisma itself would record a failed row that
// blocks until `migrate resolve`, which cannot run offline).
async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  await client.query('BEGIN');
  try {
    // No parameters: pg uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.script);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(
      'MIGRATION_FAILED',
      `Migration ${migration.name} failed and was rolled back: ${errorMessage(error)}${scriptLocation(error, migration.script)}.`,
      { cause: error },
    );
  }
}

function pgErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function scriptLocation(error: unknown, script: string): string {
  const position =
    typeof error === 'object' && error !== null && 'position' in error ? Number(error.position) : Number.NaN;
  if (!Number.isInteger(position) || position < 1) return '';
  return ` (migration.sql line ${script.slice(0, position - 1).split('\n').length})`;
}
