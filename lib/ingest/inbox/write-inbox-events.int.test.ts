// The inbox write on a real PostgreSQL: the workers' wake-up (a NOTIFY after the commit,
// no longer inside the INSERT) always follows the last write, and a burst of writes shares
// a few wake-ups instead of sending one each.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireDatabaseUrl } from '../../env.ts';
import { putInInbox, usage } from '../../../test/support/inbox.ts';
import { INBOX_CHANNEL } from './write-inbox-events.ts';

let listener: pg.Client;
let notifications: number[];

beforeEach(async () => {
  notifications = [];
  listener = new pg.Client({ connectionString: requireDatabaseUrl() });
  await listener.connect();
  await listener.query(`LISTEN ${INBOX_CHANNEL}`);
  listener.on('notification', () => notifications.push(Date.now()));
});

afterEach(async () => {
  await listener.end();
});

const until = async (check: () => boolean, timeoutMs = 2000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('writeInboxEvents wakes the inbox processors', () => {
  it('after the rows are committed', async () => {
    const [written] = await putInInbox(null, [{ subject: 'wake-1', data: usage('wake-1') }]);
    expect(written?.status).toBe('accepted');
    await until(() => notifications.length > 0);
    expect(notifications).toHaveLength(1);
  });

  it('a burst of writes shares wake-ups, and one follows the last write', async () => {
    let lastWriteAt = 0;
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await putInInbox(null, [{ subject: `burst-${i}`, data: usage(`burst-${i}`) }]);
        lastWriteAt = Math.max(lastWriteAt, Date.now());
      }),
    );
    await until(() => notifications.some((at) => at >= lastWriteAt));
    expect(notifications.some((at) => at >= lastWriteAt)).toBe(true);
    expect(notifications.length).toBeLessThan(40);
  });
});
