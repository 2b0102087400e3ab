// `npm run bench:reads` — the read-side targets of issue 4 (docs/PERFORMANCE.md): with
// 1,000,000 time transactions, 100,000 invoices and 50,000 open exceptions loaded,
// GET /api/v1/kpis p95 < 200 ms, the exception queue's first page < 50 ms for any sort,
// the lineage of a 5,000-node engagement < 300 ms. Seeds an embedded PostgreSQL (a
// temporary folder, or BENCH_DATA_DIR kept between runs), runs the KPI rollup as the hourly
// job leaves it, calls each route handler as a client would, prints every case and writes
// its section of docs/PERFORMANCE.md. Arguments pick groups: kpis, exceptions, lineage
// (default all; `npm run bench:kpis` is `kpis` alone). BENCH_RUNS calls per case (30).
import { db, disconnectAll } from '../../lib/db/client.ts';
import { createApiToken } from '../../lib/services/create-api-token.ts';
import { rollUpKpis } from '../../lib/services/kpis/roll-up-kpis.ts';
import { SEED_END } from '../kpis/seed.ts';
import { openBenchDatabase } from './bench-database.ts';
import { writeDocSection } from './doc-section.ts';
import { runExceptionCases } from './exception-cases.ts';
import { runKpiCases } from './kpi-cases.ts';
import { runLineageCase } from './lineage-case.ts';
import { readSection, type ReadResults } from './report.ts';
import { seedExceptions } from './seed-exceptions.ts';
import { seedLineage } from './seed-lineage.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GROUPS = ['kpis', 'exceptions', 'lineage'] as const;
const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((g) => !(GROUPS as readonly string[]).includes(g));
  if (unknown.length) throw new Error(`Unknown group(s) ${unknown.join(', ')}; choose from ${GROUPS.join(', ')}`);
  const groups = new Set(asked.length ? asked : GROUPS);

  const database = await openBenchDatabase(say, async (client) => {
    const queue = await client.query(`SELECT 1 FROM "Exception" WHERE "entityId" LIKE 'bench-queue-%' LIMIT 1`);
    if (queue.rowCount === 0) say(`  exception queue: ${(await seedExceptions(client, SEED_END)).toLocaleString('en-US')} exceptions`);
    say(`  lineage thread: ${(await seedLineage(client, SEED_END)).toLocaleString('en-US')} links`);
    await client.query('VACUUM ANALYZE');
  });
  try {
    let rollupSeconds = 0;
    if (groups.has('kpis')) {
      const rollupStarted = performance.now();
      const rollup = await rollUpKpis({ now: new Date(Date.parse(SEED_END) + 3_600_000), full: true });
      rollupSeconds = (performance.now() - rollupStarted) / 1000;
      await db().$executeRawUnsafe('VACUUM ANALYZE "KpiDailyFact"');
      say(`KPI rollup: ${rollup.facts.toLocaleString('en-US')} facts through ${rollup.through} in ${rollupSeconds.toFixed(1)} s`);
    }
    // One of the queue's people (FINANCE: reads KPIs, the queue and lineage), so "assignee=me" has rows.
    const user = await db().user.findFirstOrThrow({ where: { email: 'queue-1@bench.example' } });
    const { token } = await createApiToken({ userId: user.id, name: `bench-${Date.now()}`, expiresAt: null });

    const results: ReadResults = { command: `npm run bench:reads${asked.length ? ` -- ${asked.join(' ')}` : ''}`, version: database.version, seedSeconds: database.seedSeconds, rollupSeconds, runs: RUNS };
    if (groups.has('kpis')) results.kpis = await runKpiCases(token, RUNS, say);
    if (groups.has('exceptions')) results.exceptions = await runExceptionCases(token, RUNS, say);
    if (groups.has('lineage')) results.lineage = await runLineageCase(token, RUNS, say);
    await disconnectAll();
    if (groups.size === GROUPS.length) writeDocSection('reads', readSection(results));
    else say('(docs/PERFORMANCE.md is written by a run of every group)');
  } finally {
    await database.close();
  }
}

await main();
