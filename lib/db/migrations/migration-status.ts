// Where the database stands against prisma/migrations/: read-only, takes no lock, so the
// health endpoint can call it on every request ("migrations current").
import { compareMigrationHistory } from './compare-migration-history.ts';
import { connectDatabase } from './connect-database.ts';
import { readMigrationRows, type Queryable } from './migrations-table.ts';
import { defaultMigrationsDir, readMigrationsDir, type LocalMigration } from './read-migrations-dir.ts';

export type MigrationStatus = {
  pending: string[];
  applied: string[];
  failed: string[];
  checksumMismatch: string[];
  /** Recorded as applied but not in the folder: the database is ahead of this code. */
  missingFromDirectory: string[];
  /** True when there is nothing pending, failed or edited. */
  current: boolean;
};

type StatusOptions = { migrationsDir?: string } & ({ databaseUrl: string } | { client: Queryable });

export async function getMigrationStatus(options: StatusOptions): Promise<MigrationStatus> {
  const local = readMigrationsDir({ migrationsDir: options.migrationsDir ?? defaultMigrationsDir() });
  if ('client' in options) return readStatus(options.client, local);

  const client = await connectDatabase({ databaseUrl: options.databaseUrl });
  try {
    return await readStatus(client, local);
  } finally {
    await client.end();
  }
}

async function readStatus(db: Queryable, local: LocalMigration[]): Promise<MigrationStatus> {
  const history = compareMigrationHistory({ local, rows: await readMigrationRows(db) });
  return {
    pending: history.pending.map((migration) => migration.name),
    applied: history.applied,
    failed: history.failed,
    checksumMismatch: history.checksumMismatch,
    missingFromDirectory: history.missingFromDirectory,
    current: history.pending.length === 0 && history.failed.length === 0 && history.checksumMismatch.length === 0,
  };
}
