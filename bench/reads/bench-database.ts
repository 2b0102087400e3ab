// The read benchmarks' database (bench:kpis, bench:reads): an embedded PostgreSQL in a
// temporary folder — or in BENCH_DATA_DIR, kept between runs for working on a query — with
// the migrations applied and the KPI seed loaded once (bench/kpis/seed.ts). Sets
// DATABASE_URL for the code under test; `extra` seeds more on the same connection.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../lib/db/migrations/apply-migrations.ts';
import { startEmbeddedPostgres } from '../../lib/runtime/embedded-postgres.ts';
import { COUNTS, seed } from '../kpis/seed.ts';

export interface BenchDatabase {
  /** Seconds the seeding took (0 when an earlier run's data was reused). */
  seedSeconds: number;
  version: string;
  close(): Promise<void>;
}

export async function openBenchDatabase(say: (line: string) => void, extra?: (client: pg.Client) => Promise<void>): Promise<BenchDatabase> {
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'threadline-bench-reads-'));
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  const close = async () => {
    await server.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = new URL(server.adminUrl);
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'threadline_bench'`)).rowCount === 1;
    if (!exists) await admin.query('CREATE DATABASE threadline_bench');
    await admin.end();
    url.pathname = '/threadline_bench';
    process.env.DATABASE_URL = url.toString();
    await applyMigrations({ databaseUrl: url.toString() });

    const client = new pg.Client({ connectionString: url.toString() });
    // The server stopping under a failed seed must not hide that failure behind its own.
    client.on('error', () => undefined);
    await client.connect();
    try {
      const started = performance.now();
      if (exists) say(`Reusing the seeded database in ${dataDir}.`);
      else {
        say(`Seeding ${COUNTS.time.toLocaleString('en-US')} time transactions and ${COUNTS.invoices.toLocaleString('en-US')} invoices…`);
        await seed(client, say);
      }
      if (extra) await extra(client);
      const seedSeconds = exists ? 0 : (performance.now() - started) / 1000;
      const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
      return { seedSeconds, version, close };
    } finally {
      await client.end();
    }
  } catch (error) {
    await close();
    throw error;
  }
}
