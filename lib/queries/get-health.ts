// Readiness of this Threadline instance: the database answers, every migration in this
// build is applied, and a worker has beaten recently. Each check says why it failed.
import { db } from '../db/client.ts';
import { env, requireDatabaseUrl } from '../env.ts';
import { getMigrationStatus } from '../db/migrations/migration-status.ts';
import { demoWorldState, type DemoWorldState } from './demo-world-state.ts';

export type CheckStatus = 'ok' | 'failing';
export interface HealthCheck {
  status: CheckStatus;
  detail: string;
  [key: string]: unknown;
}
export interface Health {
  status: CheckStatus;
  checks: { database: HealthCheck; migrations: HealthCheck; worker: HealthCheck };
  /** The demo world of this installation (docs/DEMO.md); not a readiness check. */
  demo: DemoWorldState;
}

// Migrations only change on deploy; once current, re-reading the table on every probe is
// wasted work, so a "current" answer is remembered for a minute.
let migrationsCurrentUntil = 0;

async function checkDatabase(): Promise<HealthCheck> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { status: 'ok', detail: 'The database answers.', latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: 'failing', detail: 'The database cannot be reached.' };
  }
}

async function checkMigrations(): Promise<HealthCheck> {
  if (Date.now() < migrationsCurrentUntil) return { status: 'ok', detail: 'All migrations are applied.' };
  try {
    const status = await getMigrationStatus({ databaseUrl: requireDatabaseUrl() });
    if (status.current) {
      migrationsCurrentUntil = Date.now() + 60_000;
      return { status: 'ok', detail: 'All migrations are applied.', applied: status.applied.length };
    }
    const problems = [
      status.pending.length ? `${status.pending.length} pending (${status.pending.join(', ')})` : '',
      status.failed.length ? `failed: ${status.failed.join(', ')}` : '',
      status.checksumMismatch.length ? `edited after being applied: ${status.checksumMismatch.join(', ')}` : '',
    ].filter(Boolean);
    return { status: 'failing', detail: `Migrations are not current: ${problems.join('; ')}.`, pending: status.pending };
  } catch {
    return { status: 'failing', detail: 'The migration history cannot be read.' };
  }
}

async function checkWorker(now: Date): Promise<HealthCheck> {
  const staleAfter = env().WORKER_STALE_AFTER_SECONDS;
  try {
    const latest = await db().workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' } });
    if (!latest) return { status: 'failing', detail: 'No worker has started: run `npm run worker` (npm start runs one).' };
    const ageSeconds = Math.max(0, Math.round((now.getTime() - latest.beatAt.getTime()) / 1000));
    const live = await db().workerHeartbeat.count({ where: { beatAt: { gte: new Date(now.getTime() - staleAfter * 1000) } } });
    if (ageSeconds > staleAfter) {
      return { status: 'failing', detail: `The last worker heartbeat is ${ageSeconds} s old (stale after ${staleAfter} s).`, lastBeatAt: latest.beatAt.toISOString(), ageSeconds };
    }
    return { status: 'ok', detail: `${live} worker(s) alive.`, lastBeatAt: latest.beatAt.toISOString(), ageSeconds, workers: live };
  } catch {
    return { status: 'failing', detail: 'Worker heartbeats cannot be read.' };
  }
}

export async function getHealth(now = new Date()): Promise<Health> {
  const database = await checkDatabase();
  if (database.status === 'failing') {
    const skipped: HealthCheck = { status: 'failing', detail: 'Not checked: the database cannot be reached.' };
    return { status: 'failing', checks: { database, migrations: skipped, worker: skipped }, demo: demoWorldState() };
  }
  const [migrations, worker] = await Promise.all([checkMigrations(), checkWorker(now)]);
  const status = migrations.status === 'ok' && worker.status === 'ok' ? 'ok' : 'failing';
  return { status, checks: { database, migrations, worker }, demo: demoWorldState() };
}
