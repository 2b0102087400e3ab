// `npm run bench:kpis:statements [-- <legalEntityCode> [<currency>]]` — where a KPI call's
// PostgreSQL CPU goes: one GET /api/v1/kpis call over the read benchmark's 90 days (on its
// seeded database, BENCH_DATA_DIR, after a rollup), each statement the KPI pool ran re-run
// alone ten times on one connection, its backend's CPU read from /proc (wall times on a
// shared machine measure the neighbours), and this process's CPU per call. Prints, writes nothing.
import { readFileSync } from 'node:fs';
import { disconnectAll } from '../../lib/db/client.ts';
import { getKpis } from '../../lib/queries/kpis/get-kpis.ts';
import { kpiPool } from '../../lib/queries/kpis/kpi-pool.ts';
import { SEED_END } from '../kpis/seed.ts';
import { openBenchDatabase } from './bench-database.ts';

const RUNS = 10;
const say = (line: string) => process.stdout.write(`${line}\n`);

/** CPU (user + system) of a process in ms, from /proc (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  if (!process.env.BENCH_DATA_DIR) throw new Error('Set BENCH_DATA_DIR to a database seeded and rolled up by npm run bench:kpis');
  const [legalEntityCode, currency] = process.argv.slice(2);
  const database = await openBenchDatabase(() => undefined);
  const pool = kpiPool();
  try {
    // As bench/reads/kpi-cases.ts asks: the 90 days through the seed's last day.
    const input = { from: new Date(Date.parse(SEED_END) - 89 * 86_400_000), to: new Date(Date.parse(SEED_END) + 86_400_000), now: new Date(), legalEntityCode, currency };
    for (let i = 0; i < 3; i++) await getKpis(input);
    const node = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) await getKpis(input);
    const nodeUsage = process.cpuUsage(node);

    const statements: [string, unknown[]][] = [];
    const query = pool.query.bind(pool);
    const recording = ((sql: string, params: unknown[]) => (statements.push([sql, params]), query(sql, params))) as typeof pool.query;
    pool.query = recording;
    await getKpis(input);
    pool.query = query;

    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const results: [number, string][] = [];
      for (const [sql, params] of statements) {
        await client.query(sql, params);
        const before = processCpuMs(rows[0]!.pid);
        for (let i = 0; i < RUNS; i++) await client.query(sql, params);
        results.push([(processCpuMs(rows[0]!.pid) - before) / RUNS, sql.replace(/\s+/g, ' ').trim().slice(0, 120)]);
      }
      results.sort((a, b) => b[0] - a[0]);
      for (const [ms, sql] of results) say(`${ms.toFixed(1).padStart(6)} ms  ${sql}`);
      say(`PostgreSQL: ${results.reduce((sum, [ms]) => sum + ms, 0).toFixed(1)} ms over ${results.length} statements (each alone)`);
      say(`Node: ${((nodeUsage.user + nodeUsage.system) / RUNS / 1000).toFixed(1)} ms per getKpis call`);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
    await disconnectAll();
    await database.close();
  }
}

await main();
