// Reads prisma/migrations/ the way Prisma does: every sub-folder is one migration whose
// script is <folder>/migration.sql; they run in folder-name order (timestamp prefix).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { computeChecksum } from './compute-checksum.ts';
import { MigrationError } from './migration-error.ts';

export type LocalMigration = {
  name: string;
  script: string;
  checksum: string;
};

export const defaultMigrationsDir = (): string => path.resolve(process.cwd(), 'prisma/migrations');

export function readMigrationsDir({ migrationsDir }: { migrationsDir: string }): LocalMigration[] {
  if (!existsSync(migrationsDir) || !statSync(migrationsDir).isDirectory()) {
    throw new MigrationError('MIGRATIONS_DIR_INVALID', `The migrations folder ${migrationsDir} does not exist.`);
  }

  const folders = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    // Ordinal, not locale, order: names start with a UTC timestamp, and the result must not
    // depend on the machine's locale.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  return folders.map((name) => {
    const scriptPath = path.join(migrationsDir, name, 'migration.sql');
    if (!existsSync(scriptPath)) {
      throw new MigrationError('MIGRATIONS_DIR_INVALID', `The migration folder ${name} has no migration.sql.`);
    }
    const bytes = readFileSync(scriptPath);
    return { name, script: bytes.toString('utf8'), checksum: computeChecksum(bytes) };
  });
}
