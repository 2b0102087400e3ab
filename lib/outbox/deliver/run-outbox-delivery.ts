// The outbox delivery loop inside each worker process: a round whenever a command is
// enqueued or requeued (NOTIFY on OUTBOX_CHANNEL at commit), whenever a delivery of this
// process finishes, and at least every pollMs (retries whose backoff ended, leases that
// ran out, a budget that refilled). Any number of worker processes may run it: claims
// take rows with SKIP LOCKED under the target's budget lock.
import pg from 'pg';
import { log } from '../../log.ts';
import { OUTBOX_CHANNEL } from '../outbox-channel.ts';
import { deliverDueCommands, type DeliverySettings } from './deliver-due-commands.ts';

export interface OutboxDelivery {
  stop(): Promise<void>;
}

export async function startOutboxDelivery(options: DeliverySettings & { databaseUrl: string; pollMs: number }): Promise<OutboxDelivery> {
  let running = true;
  let wake: (() => void) | undefined;
  let woken = false;
  const wakeUp = () => {
    woken = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = undefined;
      woken = false;
    });

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on('error', (err) => log.warn('outbox listener lost its connection; polling only', { err }));
  await listener.connect();
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  listener.on('notification', wakeUp);

  const pending = new Set<Promise<void>>();
  let inFlight = 0;
  const loop = async () => {
    let failures = 0;
    while (running) {
      try {
        const round = await deliverDueCommands(options, inFlight);
        failures = 0;
        if (round.started > 0) {
          // Each finished delivery frees a slot of its target's budget: look again at once.
          for (const job of round.jobs) {
            inFlight += 1;
            const tracked = job.finally(() => {
              inFlight -= 1;
              pending.delete(tracked);
              wakeUp();
            });
            pending.add(tracked);
          }
          continue;
        }
        await sleep(options.pollMs);
      } catch (err) {
        failures += 1;
        log.error('outbox delivery round failed; retrying', { err });
        await sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
      }
    }
  };
  const running$ = loop();

  return {
    async stop() {
      running = false;
      wakeUp();
      await running$;
      await Promise.all(pending);
      await listener.end().catch(() => undefined);
    },
  };
}
