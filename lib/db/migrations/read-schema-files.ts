// Reads a multi-file Prisma schema folder: every *.prisma file below it, as Prisma's
// `schema = "prisma/schema"` does, in a stable order.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MigrationError } from './migration-error.ts';

export type SchemaFile = { path: string; content: string };

export function readSchemaFiles({ schemaDir }: { schemaDir: string }): SchemaFile[] {
  if (!existsSync(schemaDir)) {
    throw new MigrationError('SCHEMA_DIR_INVALID', `The Prisma schema folder ${schemaDir} does not exist.`);
  }
  const files = readdirSync(schemaDir, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.prisma'))
    .sort()
    .map((relative) => {
      const absolute = path.join(schemaDir, relative);
      return { path: absolute, content: readFileSync(absolute, 'utf8') };
    });
  if (files.length === 0) {
    throw new MigrationError('SCHEMA_DIR_INVALID', `The Prisma schema folder ${schemaDir} has no .prisma files.`);
  }
  return files;
}
