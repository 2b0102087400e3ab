// Waits until Threadline and the simulators are quiet: no inbox event waiting, no outbox
// command pending or in flight, and every event a simulator emitted delivered — seen twice
// in a row, because a delivered command makes its simulator emit a moment later.
import type { SimulatorClient } from './simulator-client.ts';
import { DemoLoadError, type ThreadlineClient } from './threadline-client.ts';

export async function settle(threadline: ThreadlineClient, simulators: SimulatorClient, options: { timeoutMs?: number; what: string }): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  let quietRounds = 0;
  let last = { inbox: 0, outbox: 0, dead: 0 };
  while (quietRounds < 2) {
    if (Date.now() > deadline) {
      throw new DemoLoadError(`Threadline did not settle after ${options.what} within ${Math.round((options.timeoutMs ?? 300_000) / 1000)} s (inbox ${last.inbox} waiting, outbox ${last.outbox} pending).`);
    }
    // Half a second between looks: each one costs the web process a metrics query.
    await new Promise((resolve) => setTimeout(resolve, quietRounds === 0 ? 500 : 250));
    last = await threadline.backlog();
    const quiet = last.inbox === 0 && last.outbox === 0 && (await simulators.quiet());
    quietRounds = quiet ? quietRounds + 1 : 0;
  }
}

/** Runs `work` over the items with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
