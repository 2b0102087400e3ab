// `npm run bench:reconciliation` — the reconciliation jobs on the KPI benchmark's year of
// data (bench/kpis/seed.ts: 1,000,000 time transactions, 7 % of them approved and unbilled,
// 100,000 invoices, 80,000 receipts) plus a few hundred open items for the other jobs
// (unapplied receipts, unconfirmed invoices), in an embedded PostgreSQL (temporary folder).
// Runs every job twice (first run opens the exceptions, the second counts occurrences) and
// prints each job's read (its one set-based query) and total time. BENCH_DATA_DIR keeps
// the seeded database between runs.
import pg from 'pg';
import { disconnectAll, pgPool } from '../../lib/db/client.ts';
import { runReconciliation } from '../../lib/services/reconciliation/run-reconciliation.ts';
import { COUNTS, SEED_END } from '../kpis/seed.ts';
import { openBenchDatabase } from '../reads/bench-database.ts';

const say = (line = '') => process.stdout.write(`${line}\n`);

const extras = `
  INSERT INTO "CashReceipt" (id, "sourceSystem", "externalId", amount, currency, "unappliedAmount", status, "receivedAt", "updatedAt")
  SELECT gen_random_uuid(), 'bench-open', 'OPEN-' || g, 500 + g, 'USD', 500 + g, 'UNAPPLIED', $1::timestamptz - g * interval '1 hour', now() FROM generate_series(1, 500) g;
  UPDATE "Invoice" SET status = 'ISSUED', "postedAt" = NULL WHERE number IN (SELECT 'BENCH-' || g FROM generate_series(${COUNTS.receipts + 1}, ${COUNTS.receipts + 300}) g)`;

/** The open items for the other jobs, added once (the seed itself may be reused). */
async function addOpenItems(client: pg.Client): Promise<void> {
  const added = (await client.query(`SELECT 1 FROM "CashReceipt" WHERE "sourceSystem" = 'bench-open' LIMIT 1`)).rowCount === 1;
  if (added) return;
  await client.query('BEGIN');
  for (const statement of extras.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await client.query(statement, statement.includes('$1') ? [SEED_END] : []);
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE');
}

async function main(): Promise<void> {
  const database = await openBenchDatabase(say, addOpenItems);
  try {
    const counts = (await pgPool().query<{ time: string; unbilled: string }>(`SELECT count(*) AS time, count(*) FILTER (WHERE billable AND "approvalStatus" = 'APPROVED' AND NOT superseded AND "invoiceLineId" IS NULL AND "timeWriteOffId" IS NULL) AS unbilled FROM "TimeTransaction"`)).rows[0]!;
    say(`${Number(counts.time).toLocaleString('en-US')} time transactions, ${Number(counts.unbilled).toLocaleString('en-US')} approved and unbilled.`);

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
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
