// The worker process: graphile-worker on the same PostgreSQL (SKIP LOCKED, LISTEN/NOTIFY,
// cron), running the jobs of lib/jobs/registry.ts; the inbox processor (lib/workflows);
// outbox delivery (lib/outbox/deliver); and a heartbeat. Any number of
// these may run at once. SIGINT/SIGTERM finish running jobs and exit.
import { run, type Runner } from 'graphile-worker';
import { parseEnv, ConfigError, requireDatabaseUrl } from '../lib/env.ts';
import { applicationSecretKey } from '../lib/crypto/application-key.ts';
import { log } from '../lib/log.ts';
import { db, disconnectAll } from '../lib/db/client.ts';
import { buildCrontab, buildTaskList } from '../lib/jobs/registry.ts';
import { beat, newWorkerId, removeHeartbeat } from '../lib/runtime/worker-heartbeat.ts';
import { graphileLogger } from './graphile-logger.ts';
import { startInboxProcessor } from '../lib/workflows/run-inbox-processor.ts';
import { startOutboxDelivery } from '../lib/outbox/deliver/run-outbox-delivery.ts';
import { buildWorkflowResolver, requeueEventsAwaitingWorkflow, typesWithWorkflows } from '../lib/workflows/registry.ts';

process.env.THREADLINE_SERVICE ??= 'worker';

async function main(): Promise<void> {
  const config = parseEnv();
  const connectionString = requireDatabaseUrl();
  // Fail at start, not on the first signed event, when the secret key is missing or wrong.
  applicationSecretKey();
  const workerId = newWorkerId();
  const startedAt = new Date();
  const prisma = db();

  await beat(prisma, workerId, startedAt);
  const runner: Runner = await run({
    connectionString,
    concurrency: config.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: buildTaskList(),
    crontab: buildCrontab(),
    logger: graphileLogger,
  });

  const requeued = await prisma.$transaction((tx) => requeueEventsAwaitingWorkflow(tx, typesWithWorkflows()));
  if (requeued > 0) log.info('events waiting for a workflow were requeued', { requeued });
  const inbox = await startInboxProcessor({
    databaseUrl: connectionString,
    concurrency: config.INBOX_CONCURRENCY,
    batchSize: config.INBOX_BATCH_SIZE,
    pollMs: config.INBOX_POLL_MS,
    maxAttempts: config.INBOX_MAX_ATTEMPTS,
    gapTimeoutMs: config.ORDERING_GAP_TIMEOUT_SECONDS * 1000,
    resolve: buildWorkflowResolver(),
  });

  const outbox = await startOutboxDelivery({
    databaseUrl: connectionString,
    pollMs: config.OUTBOX_POLL_MS,
    maxInFlight: config.OUTBOX_CONCURRENCY,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    backoffBaseMs: config.OUTBOX_BACKOFF_BASE_MS,
    backoffCapMs: Math.max(config.OUTBOX_BACKOFF_CAP_MS, config.OUTBOX_BACKOFF_BASE_MS),
  });

  const timer = setInterval(() => {
    beat(prisma, workerId, startedAt).catch((err) => log.warn('heartbeat failed', { err }));
  }, config.WORKER_HEARTBEAT_SECONDS * 1000);
  log.info('worker started', { workerId, concurrency: config.WORKER_CONCURRENCY });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('worker stopping', { signal });
    clearInterval(timer);
    await inbox.stop().catch((err) => log.warn('inbox processor stop failed', { err }));
    await outbox.stop().catch((err) => log.warn('outbox delivery stop failed', { err }));
    await runner.stop().catch((err) => log.warn('runner stop failed', { err }));
    await removeHeartbeat(prisma, workerId).catch(() => undefined);
    await disconnectAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await runner.promise;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Worker cannot start: ${error.problems.join(' ')}\n`);
  } else {
    log.error('worker crashed', { err: error });
    process.stderr.write(`Worker stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
