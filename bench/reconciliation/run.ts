// `npm run bench:reconciliation` — the reconciliation jobs on the KPI benchmark's year of
// data (bench/kpis/seed.ts: 1,000,000 time transactions, 7 % of them approved and unbilled,
// 100,000 invoices, 80,000 receipts) plus a few hundred open items for the other jobs
// (unapplied receipts, unconfirmed invoices), in an embedded PostgreSQL (temporary folder).
// Runs every job twice (first run opens the exceptions, the second counts occurrences) and
// prints each job's read (its one set-based query) and total time. BENCH_DATA_DIR keeps
// the seeded database between runs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../lib/db/migrations/apply-migrations.ts';
import { startEmbeddedPostgres } from '../../lib/runtime/embedded-postgres.ts';
import { disconnectAll } from '../../lib/db/client.ts';
import { runReconciliation } from '../../lib/services/reconciliation/run-reconciliation.ts';
import { COUNTS, SEED_END, seed } from '../kpis/seed.ts';

const say = (line = '') => process.stdout.write(`${line}\n`);

const extras = `
  INSERT INTO "CashReceipt" (id, "sourceSystem", "externalId", amount, currency, "unappliedAmount", status, "receivedAt", "updatedAt")
  SELECT gen_random_uuid(), 'bench-open', 'OPEN-' || g, 500 + g, 'USD', 500 + g, 'UNAPPLIED', $1::timestamptz - g * interval '1 hour', now() FROM generate_series(1, 500) g;
  UPDATE "Invoice" SET status = 'ISSUED', "postedAt" = NULL WHERE number IN (SELECT 'BENCH-' || g FROM generate_series(${COUNTS.receipts + 1}, ${COUNTS.receipts + 300}) g)`;

async function main(): Promise<void> {
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'threadline-bench-recon-'));
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
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
    await client.connect();
    if (!exists) {
      say(`Seeding ${COUNTS.time.toLocaleString('en-US')} time transactions…`);
      await seed(client, say);
      await client.query('BEGIN');
      for (const statement of extras.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await client.query(statement, statement.includes('$1') ? [SEED_END] : []);
      await client.query('COMMIT');
      await client.query('VACUUM ANALYZE');
    }
    const counts = (await client.query<{ time: string; unbilled: string }>(`SELECT count(*) AS time, count(*) FILTER (WHERE billable AND "approvalStatus" = 'APPROVED' AND NOT superseded AND "invoiceLineId" IS NULL) AS unbilled FROM "TimeTransaction"`)).rows[0]!;
    say(`${Number(counts.time).toLocaleString('en-US')} time transactions, ${Number(counts.unbilled).toLocaleString('en-US')} approved and unbilled.`);
    await client.end();

    const asOf = new Date(SEED_END);
    for (const round of ['first run (opens)', 'second run (counts occurrences)']) {
      const run = await runReconciliation({ asOf, now: new Date(), actor: { type: 'SYSTEM', id: 'bench' } });
      say(`\n${round}: ${run.status}`);
      say('| job | findings | opened | recurred | cleared | read (ms) | total (ms) |');
      say('|---|---:|---:|---:|---:|---:|---:|');
      for (const job of run.jobs) {
        if ('error' in job) say(`| ${job.job} | failed: ${job.error} | | | | | ${job.durationMs} |`);
        else say(`| ${job.job} | ${job.findings} | ${job.opened} | ${job.recurred} | ${job.cleared} | ${job.queryMs} | ${job.durationMs} |`);
      }
    }
  } finally {
    await disconnectAll();
    await server.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
