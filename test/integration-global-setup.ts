// Starts one embedded PostgreSQL for the whole integration run (in a temporary folder,
// durability off for speed) and builds a template database from the migrations; each
// test file then clones it (see integration-database.ts). With TEST_DATABASE_ADMIN_URL
// set, an existing server is used instead (any PostgreSQL 14+).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/runtime/embedded-postgres.ts';
import { applyMigrations } from '../lib/db/migrations/apply-migrations.ts';

export const TEMPLATE_DATABASE = 'threadline_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'threadline-test-pg-'));
    server = await startEmbeddedPostgres({ dataDir: tempDir, ephemeral: true });
    adminUrl = server.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await applyMigrations({ databaseUrl: withDatabase(adminUrl, TEMPLATE_DATABASE) });

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);

  return async () => {
    if (server) await server.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}
