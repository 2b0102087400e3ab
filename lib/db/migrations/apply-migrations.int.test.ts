import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './apply-migrations.ts';
import { MigrationError } from './migration-error.ts';
import { createScratchDatabase, type ScratchDatabase } from './testing/create-scratch-database.ts';
import { writeMigration, writeMigrationsFolder } from './testing/write-migrations-folder.ts';

const createWidget = `-- CreateTable
CREATE TABLE "Widget" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Widget_pkey" PRIMARY KEY ("id")
);
`;
const addColour = `ALTER TABLE "Widget" ADD COLUMN "colour" TEXT;
CREATE INDEX "Widget_colour_idx" ON "Widget"("colour");
`;
const fixtures = { '20260101000000_create_widget': createWidget, '20260102000000_add_colour': addColour };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratch(): Promise<{ db: ScratchDatabase; migrationsDir: string }> {
  const db = await createScratchDatabase();
  const migrationsDir = writeMigrationsFolder(fixtures);
  cleanups.push(db.drop, () => rmSync(migrationsDir, { recursive: true, force: true }));
  return { db, migrationsDir };
}

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

describe('applyMigrations', () => {
  it('applies every migration to an empty database, then nothing the second time', async () => {
    const { db, migrationsDir } = await scratch();

    const first = await applyMigrations({ databaseUrl: db.url, migrationsDir });
    expect(first).toEqual({ applied: Object.keys(fixtures), alreadyApplied: 0 });
    const columns = await query<{ column_name: string }>(
      db.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Widget' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['id', 'name', 'colour']);

    const second = await applyMigrations({ databaseUrl: db.url, migrationsDir });
    expect(second).toEqual({ applied: [], alreadyApplied: 2 });
  });

  it('records each migration as Prisma does: sha256 of migration.sql, finished, one step', async () => {
    const { db, migrationsDir } = await scratch();
    await applyMigrations({ databaseUrl: db.url, migrationsDir });

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(db.url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name');

    expect(rows.map((row) => row.migration_name)).toEqual(Object.keys(fixtures));
    for (const row of rows) {
      const bytes = readFileSync(path.join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('creates _prisma_migrations with the columns of Prisma\'s own DDL', async () => {
    const { db, migrationsDir } = await scratch();
    await applyMigrations({ databaseUrl: db.url, migrationsDir });

    const columns = await query<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      db.url,
      `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO', column_default: null },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES', column_default: null },
      { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO', column_default: null },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES', column_default: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES', column_default: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO', column_default: 'now()' },
      { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO', column_default: '0' },
    ]);
  });

  it('refuses when an applied migration was edited afterwards', async () => {
    const { db, migrationsDir } = await scratch();
    await applyMigrations({ databaseUrl: db.url, migrationsDir });
    writeMigration(migrationsDir, '20260101000000_create_widget', `${createWidget}-- an edit after the fact\n`);
    writeMigration(migrationsDir, '20260103000000_never_reached', 'CREATE TABLE "NeverReached" ("id" INTEGER);');

    const error = await rejection(applyMigrations({ databaseUrl: db.url, migrationsDir }));
    expect(error.reason).toBe('MIGRATION_CHECKSUM_MISMATCH');
    expect(error.message).toMatch(/^Migration 20260101000000_create_widget was edited after it was applied/);
    const tables = await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'NeverReached'`);
    expect(tables).toEqual([]);
  });

  it('refuses when the recorded checksum was tampered with', async () => {
    const { db, migrationsDir } = await scratch();
    await applyMigrations({ databaseUrl: db.url, migrationsDir });
    await query(db.url, `UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '20260102000000_add_colour'`);

    const error = await rejection(applyMigrations({ databaseUrl: db.url, migrationsDir }));
    expect(error.reason).toBe('MIGRATION_CHECKSUM_MISMATCH');
    expect(error.message).toContain('20260102000000_add_colour');
  });

  it('accepts the same script checked out with CRLF line endings', async () => {
    const { db, migrationsDir } = await scratch();
    await applyMigrations({ databaseUrl: db.url, migrationsDir });
    writeMigration(migrationsDir, '20260101000000_create_widget', createWidget.replaceAll('\n', '\r\n'));

    expect(await applyMigrations({ databaseUrl: db.url, migrationsDir })).toEqual({ applied: [], alreadyApplied: 2 });
  });

  it('refuses while a migration is recorded as failed', async () => {
    const { db, migrationsDir } = await scratch();
    await applyMigrations({ databaseUrl: db.url, migrationsDir });
    // What `prisma migrate deploy` leaves behind when a script fails half-way.
    await query(
      db.url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, applied_steps_count)
       VALUES (gen_random_uuid(), repeat('a', 64), '20260103000000_half_done', 'syntax error', 0)`,
    );
    writeMigration(migrationsDir, '20260103000000_half_done', 'SELECT 1;');

    const error = await rejection(applyMigrations({ databaseUrl: db.url, migrationsDir }));
    expect(error.reason).toBe('MIGRATION_PREVIOUSLY_FAILED');
    expect(error.message).toMatch(/^Migration 20260103000000_half_done is recorded as failed/);
  });

  it('rolls a failing migration back entirely and records nothing for it', async () => {
    const { db, migrationsDir } = await scratch();
    writeMigration(
      migrationsDir,
      '20260103000000_broken',
      'CREATE TABLE "Gadget" ("id" INTEGER);\n\nALTER TABLE "Gadget" ADD COLUMN "x" TEXTT NOT NULL;\n',
    );

    const error = await rejection(applyMigrations({ databaseUrl: db.url, migrationsDir }));
    expect(error.reason).toBe('MIGRATION_FAILED');
    expect(error.message).toBe(
      'Migration 20260103000000_broken failed and was rolled back: type "textt" does not exist (migration.sql line 3).',
    );
    const names = await query<{ migration_name: string }>(db.url, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1');
    expect(names.map((row) => row.migration_name)).toEqual(Object.keys(fixtures));
    expect(await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Gadget'`)).toEqual([]);
  });

  it('applies once when two processes start at the same time', async () => {
    const { db, migrationsDir } = await scratch();
    // A slow migration makes sure the two runs overlap.
    writeMigration(migrationsDir, '20260103000000_slow', 'SELECT pg_sleep(0.3);\nCREATE TABLE "Slow" ("id" INTEGER);\n');

    const results = await Promise.all([
      applyMigrations({ databaseUrl: db.url, migrationsDir }),
      applyMigrations({ databaseUrl: db.url, migrationsDir }),
    ]);

    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 3]);
    expect(results.map((result) => result.alreadyApplied).sort()).toEqual([0, 3]);
    const counts = await query<{ migration_name: string; count: string }>(
      db.url,
      'SELECT migration_name, count(*) FROM _prisma_migrations GROUP BY migration_name ORDER BY 1',
    );
    expect(counts.map((row) => row.count)).toEqual(['1', '1', '1']);
  });

  it('gives up with a clear message when another process keeps the lock', async () => {
    const { db, migrationsDir } = await scratch();
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    cleanups.push(() => other.end());
    await other.query('SELECT pg_advisory_lock(72707369)'); // the key Prisma's migrate uses

    const error = await rejection(applyMigrations({ databaseUrl: db.url, migrationsDir, lockTimeoutMs: 200 }));
    expect(error.reason).toBe('MIGRATION_LOCK_TIMEOUT');
    expect(error.message).toMatch(/^Another process kept the migration lock/);
  });

  it('says which server it could not reach', async () => {
    const migrationsDir = writeMigrationsFolder({});
    cleanups.push(() => rmSync(migrationsDir, { recursive: true, force: true }));
    const error = await rejection(
      applyMigrations({ databaseUrl: 'postgresql://nobody:secret@127.0.0.1:1/nowhere', migrationsDir }),
    );
    expect(error.reason).toBe('DATABASE_UNREACHABLE');
    expect(error.message).toMatch(/^Could not connect to the database at 127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/);
    expect(error.message).not.toContain('secret');
  });
});
