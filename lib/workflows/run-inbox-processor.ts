// The inbox processor loop inside each worker process: `concurrency` loops each drain
// batches until the inbox is empty, then sleep until a NOTIFY from the ingest path (or
// the poll interval, which also releases parked events whose gap timed out and retries
// whose backoff ended).
import pg from 'pg';
import { log } from '../log.ts';
import { INBOX_CHANNEL } from '../ingest/inbox/write-inbox-events.ts';
import { processInboxBatch, type InboxProcessorSettings } from './process-inbox-batch.ts';

export interface InboxProcessor {
  stop(): Promise<void>;
}

export async function startInboxProcessor(options: InboxProcessorSettings & { databaseUrl: string; concurrency: number; pollMs: number }): Promise<InboxProcessor> {
  let running = true;
  let waiters: (() => void)[] = [];
  // A NOTIFY that arrives while every loop is busy must not be lost: the next loop to go
  // to sleep finds it and goes round again at once.
  let notified = false;
  const wakeAll = () => {
    notified = true;
    const pending = waiters;
    waiters = [];
    pending.forEach((wake) => wake());
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (notified) {
        notified = false;
        return resolve();
      }
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== done);
        resolve();
      }, ms);
      const done = () => {
        notified = false;
        clearTimeout(timer);
        resolve();
      };
      waiters.push(done);
    });

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on('error', (err) => log.warn('inbox listener lost its connection; polling only', { err }));
  await listener.connect();
  await listener.query(`LISTEN ${INBOX_CHANNEL}`);
  listener.on('notification', wakeAll);

  const loop = async (index: number) => {
    let failures = 0;
    while (running) {
      try {
        const summary = await processInboxBatch(options);
        failures = 0;
        if (summary.claimed > 0) log.debug('inbox batch', { loop: index, ...summary });
        if (summary.claimed < options.batchSize) await sleep(options.pollMs);
      } catch (err) {
        failures += 1;
        log.error('inbox batch failed; retrying', { loop: index, err });
        await sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
      }
    }
  };
  const loops = Array.from({ length: options.concurrency }, (_, i) => loop(i));

  return {
    async stop() {
      running = false;
      wakeAll();
      await Promise.all(loops);
      await listener.end().catch(() => undefined);
    },
  };
}
