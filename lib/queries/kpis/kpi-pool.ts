// The KPI reads' own small connection pool. One request runs a dozen reads at once, so each
// read is better off on a single process: no parallel workers (they only multiply the CPU a
// busy request already spreads over the cores) and no JIT (compiling a query costs more
// than these index-range reads take). Reads only; idle connections close on their own.
import pg from 'pg';
import { requireDatabaseUrl } from '../../env.ts';

const pools = new Map<string, pg.Pool>();

export function kpiPool(): pg.Pool {
  const url = requireDatabaseUrl();
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.KPI_POOL_SIZE ?? 8),
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      options: '-c max_parallel_workers_per_gather=0 -c jit=off',
    });
    // A connection losing its server (restart, failover, a test database dropped) must not crash the process.
    pool.on('error', () => undefined);
    pools.set(url, pool);
  }
  return pool;
}
