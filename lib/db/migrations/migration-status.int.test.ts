import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './apply-migrations.ts';
import { getMigrationStatus } from './migration-status.ts';
import { createScratchDatabase, type ScratchDatabase } from './testing/create-scratch-database.ts';
import { writeMigration, writeMigrationsFolder } from './testing/write-migrations-folder.ts';

describe('getMigrationStatus', () => {
  let db: ScratchDatabase;
  let migrationsDir: string;
  beforeAll(async () => {
    db = await createScratchDatabase();
    migrationsDir = writeMigrationsFolder({ '20260101000000_first': 'CREATE TABLE "First" ("id" INTEGER);' });
  });
  afterAll(async () => {
    await db.drop();
    rmSync(migrationsDir, { recursive: true, force: true });
  });

  it('reports every migration pending on a database that never saw one, without creating anything', async () => {
    expect(await getMigrationStatus({ databaseUrl: db.url, migrationsDir })).toEqual({
      pending: ['20260101000000_first'],
      applied: [],
      failed: [],
      checksumMismatch: [],
      missingFromDirectory: [],
      current: false,
    });
  });

  it('is current once applied, and reads through a caller\'s pool too', async () => {
    await applyMigrations({ databaseUrl: db.url, migrationsDir });
    const pool = new pg.Pool({ connectionString: db.url });
    try {
      expect(await getMigrationStatus({ client: pool, migrationsDir })).toMatchObject({
        pending: [],
        applied: ['20260101000000_first'],
        current: true,
      });
    } finally {
      await pool.end();
    }
  });

  it('lists new, edited and failed migrations, which make it not current', async () => {
    writeMigration(migrationsDir, '20260101000000_first', 'CREATE TABLE "First" ("id" BIGINT);');
    writeMigration(migrationsDir, '20260102000000_second', 'SELECT 1;');
    writeMigration(migrationsDir, '20260103000000_third', 'SELECT 1;');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES (gen_random_uuid(), 'x', '20260103000000_third')`,
      );
      expect(await getMigrationStatus({ client, migrationsDir })).toEqual({
        pending: ['20260102000000_second'],
        applied: ['20260101000000_first'],
        failed: ['20260103000000_third'],
        checksumMismatch: ['20260101000000_first'],
        missingFromDirectory: [],
        current: false,
      });
    } finally {
      await client.end();
    }
  });
});
