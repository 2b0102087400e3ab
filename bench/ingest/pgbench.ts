// The baseline: pgbench inserting into bench_inbox, a table equivalent to "InboxEvent"
// (created LIKE it INCLUDING ALL — same columns, types, defaults, primary key, the unique
// (source, "eventId") index and the other indexes — plus the same foreign key to
// "Connector"), with the same ~1 KB payload and ON CONFLICT clause as the ingest path.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { EMPLOYEE_UPDATED, HCM_SOURCE, samplePayload } from './events.ts';

const run = promisify(execFile);

export interface PgbenchResult {
  tps: number;
  transactions: number;
  /** Per-transaction latencies, sorted. */
  latenciesMs: number[];
}

/** Several runs as one: transactions over the summed run time, all latencies. */
export function mergePgbench(runs: PgbenchResult[]): PgbenchResult {
  const transactions = runs.reduce((sum, r) => sum + r.transactions, 0);
  const seconds = runs.reduce((sum, r) => sum + r.transactions / r.tps, 0);
  return { tps: transactions / seconds, transactions, latenciesMs: runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b) };
}

export async function createBaselineTable(client: pg.Client): Promise<{ inboxIndexes: string[]; baselineIndexes: string[] }> {
  await client.query('DROP TABLE IF EXISTS bench_inbox');
  await client.query('CREATE TABLE bench_inbox (LIKE "InboxEvent" INCLUDING ALL)');
  await client.query('ALTER TABLE bench_inbox ADD FOREIGN KEY ("connectorId") REFERENCES "Connector"(id) ON DELETE RESTRICT ON UPDATE CASCADE');
  const indexes = async (table: string) =>
    (await client.query<{ def: string }>(`SELECT regexp_replace(indexdef, 'INDEX \\S+ ON public\\.\\S+', 'INDEX ON t') AS def FROM pg_indexes WHERE tablename = $1 ORDER BY 1`, [table])).rows.map(
      (r) => r.def,
    );
  return { inboxIndexes: await indexes('InboxEvent'), baselineIndexes: await indexes('bench_inbox') };
}

const COLUMNS = `(id, source, "eventId", type, subject, sequence, "correlationId", "eventTime", payload, "payloadHash", "connectorId", status, "receivedAt")`;
const HASH = `'${'ab12'.repeat(16)}'`;

/** One row per transaction, or `rows` rows in one INSERT ... SELECT per transaction. */
export function pgbenchScript(connectorId: string, rows: number): string {
  const payload = `'${samplePayload().replaceAll("'", "''")}'::jsonb`;
  const values = `gen_random_uuid(), '${HCM_SOURCE}', gen_random_uuid()::text, '${EMPLOYEE_UPDATED}'`;
  const rest = `1, NULL, clock_timestamp(), ${payload}, ${HASH}, '${connectorId}'::uuid, 'RECEIVED', clock_timestamp()`;
  if (rows === 1) {
    return `\\set n random(1, 1000000000)\nINSERT INTO bench_inbox ${COLUMNS}\nVALUES (${values}, 'E-' || :n, ${rest})\nON CONFLICT (source, "eventId") DO NOTHING;\n`;
  }
  return `INSERT INTO bench_inbox ${COLUMNS}\nSELECT ${values}, 'E-' || g, ${rest}\n  FROM generate_series(1, ${rows}) AS g\nON CONFLICT (source, "eventId") DO NOTHING;\n`;
}

/** `pgbench -n -c 8 -j 2 -T <seconds> -f script.sql`, after a warm-up run of the same script. */
export async function runPgbench(options: { databaseUrl: string; script: string; clients: number; threads: number; warmupSeconds: number; seconds: number }): Promise<PgbenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'threadline-pgbench-'));
  try {
    const file = path.join(dir, 'script.sql');
    writeFileSync(file, options.script);
    const args = (seconds: number) => ['-n', '-c', String(options.clients), '-j', String(options.threads), '-T', String(seconds), '-f', file];
    await run('pgbench', [...args(options.warmupSeconds), options.databaseUrl]);
    const { stdout } = await run('pgbench', [...args(options.seconds), '-l', '--log-prefix', path.join(dir, 'log'), options.databaseUrl], { maxBuffer: 16 * 1024 * 1024 });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
    if (!Number.isFinite(tps) || !Number.isFinite(transactions)) throw new Error(`Unexpected pgbench output:\n${stdout}`);
    // Per-transaction log: "client_id transaction_no time_us script_no epoch epoch_us".
    const latenciesMs = readdirSync(dir)
      .filter((name) => name.startsWith('log'))
      .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .sort((a, b) => a - b);
    return { tps, transactions, latenciesMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
