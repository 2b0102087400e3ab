// Builds the database the migrations folder describes: an in-memory PGlite (PostgreSQL in
// wasm, no server) with every migration replayed in order. Diffing it against the schema
// tells what a new migration must contain.
import { PGlite, type Extension } from '@electric-sql/pglite';
import { errorMessage, MigrationError } from './migration-error.ts';
import type { LocalMigration } from './read-migrations-dir.ts';

export async function createShadowDatabase({ migrations }: { migrations: LocalMigration[] }): Promise<PGlite> {
  const shadow = await PGlite.create({ extensions: await loadExtensions(migrations) });
  for (const migration of migrations) {
    try {
      await shadow.exec(migration.script);
    } catch (error) {
      await shadow.close();
      throw new MigrationError(
        'MIGRATION_FAILED',
        `Existing migration ${migration.name} does not apply to an empty database: ${errorMessage(error)}.`,
        { cause: error },
      );
    }
  }
  return shadow;
}

// PGlite ships PostgreSQL contrib extensions as separate modules that must be passed at
// start-up; load the ones the migrations create so `CREATE EXTENSION` works in the replay.
async function loadExtensions(migrations: LocalMigration[]): Promise<Record<string, Extension>> {
  const names = new Set<string>();
  for (const migration of migrations) {
    for (const match of migration.script.matchAll(/CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([\w-]+)"?/gi)) {
      const name = match[1]?.toLowerCase().replaceAll('-', '_');
      if (name && name !== 'plpgsql') names.add(name);
    }
  }

  const extensions: Record<string, Extension> = {};
  for (const name of names) {
    const contrib: Record<string, unknown> = await import(`@electric-sql/pglite/contrib/${name}`).catch(() => ({}));
    const extension = contrib[name];
    if (!isExtension(extension)) {
      throw new MigrationError(
        'SCHEMA_DIFF_FAILED',
        `The migrations create the PostgreSQL extension ${name}, which PGlite (used to replay them offline) does not provide.`,
      );
    }
    extensions[name] = extension;
  }
  return extensions;
}

function isExtension(value: unknown): value is Extension {
  return typeof value === 'object' && value !== null && 'setup' in value && typeof value.setup === 'function';
}
