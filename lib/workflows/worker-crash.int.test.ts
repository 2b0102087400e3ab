// A worker process killed with SIGKILL in the middle of its work, then restarted: every
// accepted event takes effect exactly once (its batch transaction died with it, so the
// claimed rows go back to the inbox and nothing half-applied remains).
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { putInInbox } from '../../test/support/inbox.ts';
import { testConnector } from '../../test/support/ingest.ts';

const TOTAL = 1500;

function startWorker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'worker/index.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, INBOX_BATCH_SIZE: '50', INBOX_CONCURRENCY: '2', INBOX_POLL_MS: '100', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const processed = () => db().inboxEvent.count({ where: { status: 'PROCESSED' } });

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, pollMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

describe('worker crash', () => {
  it('a SIGKILLed and restarted worker applies every event exactly once', { timeout: 120_000 }, async () => {
    const hcm = await testConnector({ code: 'hcm-crash', kind: 'HCM', sources: ['/test/hcm'] });
    const events = Array.from({ length: TOTAL }, (_, i) => ({
      type: 'q2c.employee.updated.v1',
      source: '/test/hcm',
      subject: `E-${i}`,
      data: { employeeId: `E-${i}`, name: `Consultant ${i}`, costRate: '80.00', currency: 'USD', costCenter: 'US01-ADV' },
    }));
    await putInInbox(hcm.id, events);

    const first = startWorker();
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await waitFor(async () => (await processed()) >= 100, 60_000);
    first.kill('SIGKILL');
    await exited;
    const atKill = await processed();
    expect(atKill).toBeLessThan(TOTAL);

    const second = startWorker();
    try {
      await waitFor(async () => (await processed()) === TOTAL, 90_000, 200);
    } finally {
      second.kill('SIGTERM');
    }

    expect(await db().employee.count()).toBe(TOTAL);
    expect(await db().externalRef.count({ where: { system: 'hcm-crash', entityType: 'Employee' } })).toBe(TOTAL);
    expect(await db().auditRecord.count({ where: { action: 'employee.created' } })).toBe(TOTAL);
    expect(await db().employeeCostRate.count()).toBe(TOTAL);
  });
});
