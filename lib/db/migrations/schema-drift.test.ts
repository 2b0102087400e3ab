// Guards the rule "every schema change ships with its migration": the SQL Prisma would
// generate from prisma/migrations/ to prisma/schema/ must be empty. Needs no PostgreSQL
// (the migrations replay into an in-memory PGlite).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffSchemaAgainstMigrations, isEmptyMigrationScript } from './diff-schema.ts';

const schemaDir = fileURLToPath(new URL('../../../prisma/schema', import.meta.url));
const migrationsDir = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

// Booting PGlite and the wasm engine takes a few seconds on a slow CI machine.
describe('schema drift', { timeout: 60_000 }, () => {
  it('prisma/migrations captures everything prisma/schema describes', async () => {
    const missing = await diffSchemaAgainstMigrations({ schemaDir, migrationsDir });
    if (!isEmptyMigrationScript(missing)) {
      const lines = missing.trimEnd().split('\n');
      const shown = lines.slice(0, 40).join('\n') + (lines.length > 40 ? `\n… (${lines.length - 40} more lines)` : '');
      expect.fail(
        `prisma/schema has changes no migration captures; run npm run db:migrate:new -- <name> and commit the result. Missing SQL:\n${shown}`,
      );
    }
  });

  it('notices a model that no migration creates', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'threadline-schema-'));
    try {
      cpSync(schemaDir, copy, { recursive: true });
      writeFileSync(path.join(copy, 'drift-probe.prisma'), 'model DriftProbe {\n  id   Int    @id\n  note String\n}\n');

      const missing = await diffSchemaAgainstMigrations({ schemaDir: copy, migrationsDir });

      expect(isEmptyMigrationScript(missing)).toBe(false);
      expect(missing).toContain('CREATE TABLE "DriftProbe"');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
