// Compares the migrations folder with the rows of `_prisma_migrations`. Pure, so the status
// check and the apply step read history the same way. Rules follow Prisma: a row marked
// rolled back is ignored; a row not finished (and not rolled back) is a failed migration.
import { checksumMatches } from './compute-checksum.ts';
import type { LocalMigration } from './read-migrations-dir.ts';
import type { MigrationRow } from './migrations-table.ts';

export type MigrationHistory = {
  /** In the folder, never applied (failed ones are listed under `failed` instead). */
  pending: LocalMigration[];
  /** Applied and finished, in folder order. */
  applied: string[];
  /** Started but never finished nor marked rolled back: needs a person. */
  failed: string[];
  /** Applied, but migration.sql changed since. */
  checksumMismatch: string[];
  /** Applied to the database but absent from the folder (the database is ahead of the code). */
  missingFromDirectory: string[];
};

export function compareMigrationHistory({
  local,
  rows,
}: {
  local: LocalMigration[];
  rows: MigrationRow[];
}): MigrationHistory {
  // The latest live row of a migration decides its state (rows come ordered by started_at).
  const latest = new Map<string, MigrationRow>();
  for (const row of rows) {
    if (row.rolledBackAt === null) latest.set(row.migrationName, row);
  }
  const finished = new Map<string, MigrationRow>();
  const failed = new Set<string>();
  for (const [name, row] of latest) {
    if (row.finishedAt === null) failed.add(name);
    else finished.set(name, row);
  }

  const localNames = new Set(local.map((migration) => migration.name));
  const pending: LocalMigration[] = [];
  const applied: string[] = [];
  const checksumMismatch: string[] = [];
  for (const migration of local) {
    const row = finished.get(migration.name);
    if (row) {
      applied.push(migration.name);
      if (!checksumMatches(migration.script, row.checksum)) checksumMismatch.push(migration.name);
    } else if (!failed.has(migration.name)) {
      pending.push(migration);
    }
  }

  return {
    pending,
    applied,
    failed: [...failed],
    checksumMismatch,
    missingFromDirectory: [...finished.keys()].filter((name) => !localNames.has(name)),
  };
}
