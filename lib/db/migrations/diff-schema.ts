// Computes the SQL that takes a database built from prisma/migrations/ to what the Prisma
// schema files describe, fully offline: Prisma's wasm schema engine, driven through
// pglite-prisma-adapter over an in-memory PGlite in which the migrations were replayed.
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import path from 'node:path';
import { createShadowDatabase } from './create-shadow-database.ts';
import { loadSchemaEngine, takeLastPanicMessage } from './load-schema-engine.ts';
import { MigrationError } from './migration-error.ts';
import { defaultMigrationsDir, readMigrationsDir } from './read-migrations-dir.ts';
import { readSchemaFiles } from './read-schema-files.ts';

export type DiffSchemaOptions = {
  /** Folder of *.prisma files; defaults to prisma/schema under the working directory. */
  schemaDir?: string;
  migrationsDir?: string;
};

/** The migration SQL still missing; empty, or only comments, when migrations capture the schema. */
export async function diffSchemaAgainstMigrations({
  schemaDir = path.resolve(process.cwd(), 'prisma/schema'),
  migrationsDir = defaultMigrationsDir(),
}: DiffSchemaOptions = {}): Promise<string> {
  const schemaFiles = readSchemaFiles({ schemaDir });
  const migrations = readMigrationsDir({ migrationsDir });
  const { SchemaEngine } = loadSchemaEngine();

  const shadow = await createShadowDatabase({ migrations });
  try {
    const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow));
    const engine = await SchemaEngine.new(
      { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
      () => undefined, // the engine's tracing log; nothing in it we act on
      adapterFactory,
    ).catch(rethrowEngineError);
    try {
      const result = await engine
        .diff({
          // "url" targets are refused by the wasm engine; the datasource is the adapter's database.
          from: { tag: 'schemaDatasource', files: schemaFiles, configDir: schemaDir },
          to: { tag: 'schemaDatamodel', files: schemaFiles },
          script: true,
          exitCode: null,
          filters: { externalTables: [], externalEnums: [] },
        })
        .catch(rethrowEngineError);
      return result.stdout ?? '';
    } finally {
      engine.free();
    }
  } finally {
    await shadow.close();
  }
}

/** True when a diff script has no statements (the engine says "-- This is an empty migration."). */
export function isEmptyMigrationScript(script: string): boolean {
  return script
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}

function rethrowEngineError(error: unknown): never {
  const panic = takeLastPanicMessage();
  const raw = panic ?? (error instanceof Error ? error.message : String(error));
  // Drop the Rust span trace ("   0: schema_engine_wasm::…") that follows the message.
  const message = raw.split(/\n\s+0: /)[0]?.trim() || 'unknown error';
  // A schema being edited can have dozens of validation errors; one is enough to act on.
  const validationErrors = message.split(/^error: /m).filter((block) => block.trim() !== '');
  const firstError = validationErrors[0]?.trim();
  if (validationErrors.length > 1 && firstError !== undefined) {
    throw new MigrationError(
      'SCHEMA_DIFF_FAILED',
      `The Prisma schema is not valid (${validationErrors.length} errors; npm run db:generate lists them all). The first: ${firstError}`,
      { cause: error },
    );
  }
  throw new MigrationError('SCHEMA_DIFF_FAILED', `Prisma's schema engine could not compute the diff: ${message}`, {
    cause: error,
  });
}
