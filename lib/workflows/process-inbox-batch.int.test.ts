// The inbox processor on a real PostgreSQL: exactly-once application, per-subject
// ordering, retries with backoff, holds and replays, and two processors at once.
import { describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { requeueHeldEvents } from '../services/exceptions/requeue-held-events.ts';
import { countingWorkflow, putInInbox, usage } from '../../test/support/inbox.ts';
import { processInboxBatch, type InboxProcessorSettings } from './process-inbox-batch.ts';
import { buildWorkflowResolver } from './registry.ts';
import type { Workflow } from './workflow.ts';

const settings = (workflow: Workflow, overrides: Partial<InboxProcessorSettings> = {}): InboxProcessorSettings => ({
  batchSize: 50,
  gapTimeoutMs: 60_000,
  maxAttempts: 3,
  resolve: buildWorkflowResolver([workflow]),
  random: () => 0,
  ...overrides,
});

async function drain(s: InboxProcessorSettings): Promise<void> {
  while ((await processInboxBatch(s)).claimed > 0);
}

const effects = (usageId?: string) => db().auditRecord.findMany({ where: { action: 'usage.applied', ...(usageId ? { entityId: usageId } : {}) }, orderBy: { at: 'asc' } });

describe('processInboxBatch', () => {
  it('applies each event once and records its timings', async () => {
    const workflow = countingWorkflow();
    await putInInbox(null, [{ subject: 'u-1', data: usage('u-1') }, { subject: 'u-2', data: usage('u-2') }]);
    await drain(settings(workflow));
    await drain(settings(workflow));
    expect((await effects()).map((e) => e.entityId).sort()).toEqual(['u-1', 'u-2']);
    const rows = await db().inboxEvent.findMany();
    expect(rows.every((r) => r.status === 'PROCESSED' && r.attempts === 1 && r.processedAt! >= r.receivedAt)).toBe(true);
  });

  it('ends in the same state whether versions arrive in order or not', async () => {
    const workflow = countingWorkflow();
    const version = (subject: string, n: number) => ({ subject, sequence: n, data: usage(subject, n * 10) });
    await putInInbox(null, [version('in-order', 1), version('in-order', 2), version('in-order', 3)]);
    await putInInbox(null, [version('shuffled', 3)]);
    await drain(settings(workflow));
    expect(await db().inboxEvent.findFirst({ where: { subject: 'shuffled' } })).toMatchObject({ status: 'PARKED' });
    await putInInbox(null, [version('shuffled', 1)]);
    await drain(settings(workflow));
    await putInInbox(null, [version('shuffled', 2), version('shuffled', 1)]);
    await drain(settings(workflow));

    const finalUnits = async (subject: string) => (await effects(subject)).map((e) => (e.after as { units: string }).units);
    expect(await finalUnits('in-order')).toEqual(['10', '20', '30']);
    expect(await finalUnits('shuffled')).toEqual(['10', '20', '30']);
    const versions = await db().subjectVersion.findMany({ orderBy: { subject: 'asc' } });
    expect(versions.map((v) => [v.subject, v.appliedSequence])).toEqual([['in-order', 3n], ['shuffled', 3n]]);
    // The late copy of version 1 is recorded as superseded, not applied again.
    expect(await db().inboxEvent.count({ where: { subject: 'shuffled', status: 'SUPERSEDED' } })).toBe(1);
  });

  it('applies a later version when the gap times out, and reports OUT_OF_ORDER_GAP', async () => {
    const workflow = countingWorkflow();
    await putInInbox(null, [{ subject: 'gap', sequence: 1, data: usage('gap', 1) }, { subject: 'gap', sequence: 4, data: usage('gap', 4) }]);
    await drain(settings(workflow));
    expect(await db().inboxEvent.count({ where: { subject: 'gap', status: 'PARKED' } })).toBe(1);
    await db().inboxEvent.updateMany({ where: { subject: 'gap', status: 'PARKED' }, data: { parkedUntil: new Date(Date.now() - 1000), receivedAt: new Date(Date.now() - 120_000) } });
    await drain(settings(workflow));
    expect((await effects('gap')).map((e) => (e.after as { units: string }).units)).toEqual(['1', '4']);
    const gap = await db().exception.findFirstOrThrow({ where: { code: 'OUT_OF_ORDER_GAP' } });
    expect(gap.details).toMatchObject({ subject: 'gap', missingFrom: '2', missingTo: '3' });
  });

  it('retries a transient failure with backoff, then gives up with PROCESSING_FAILED', async () => {
    const flaky = countingWorkflow({ failFirst: 1 });
    await putInInbox(null, [{ subject: 'flaky', data: usage('flaky') }]);
    await processInboxBatch(settings(flaky));
    const failed = await db().inboxEvent.findFirstOrThrow({ where: { subject: 'flaky' } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'the dependency is down' });
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    await db().inboxEvent.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } });
    await drain(settings(flaky));
    expect(await db().inboxEvent.findFirstOrThrow({ where: { subject: 'flaky' } })).toMatchObject({ status: 'PROCESSED', attempts: 2 });

    const broken = countingWorkflow({ failFirst: 99 });
    await putInInbox(null, [{ subject: 'broken', data: usage('broken') }]);
    for (let i = 0; i < 3; i++) {
      await db().inboxEvent.updateMany({ where: { subject: 'broken' }, data: { nextAttemptAt: new Date() } });
      await processInboxBatch(settings(broken));
    }
    const given = await db().inboxEvent.findFirstOrThrow({ where: { subject: 'broken' } });
    expect(given).toMatchObject({ status: 'HELD', attempts: 3 });
    expect(await db().exception.count({ where: { code: 'PROCESSING_FAILED', entityId: given.id } })).toBe(1);
    expect(await effects('broken')).toHaveLength(0);
  });

  it('holds an event that needs a data fix, and a replay after the fix completes it', async () => {
    let fixed = false;
    const workflow = countingWorkflow({ hold: () => !fixed });
    await putInInbox(null, [{ subject: 'held', data: usage('held') }]);
    await drain(settings(workflow));
    expect(await db().inboxEvent.findFirstOrThrow({ where: { subject: 'held' } })).toMatchObject({ status: 'HELD' });
    const exception = await db().exception.findFirstOrThrow({ where: { code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', entityId: 'held' }, include: { events: true } });
    expect(exception.events).toHaveLength(1);
    expect(await effects('held')).toHaveLength(0);

    fixed = true;
    await db().$transaction((tx) => requeueHeldEvents(tx, { exceptionId: exception.id, now: new Date() }));
    await drain(settings(workflow));
    expect(await db().inboxEvent.findFirstOrThrow({ where: { subject: 'held' } })).toMatchObject({ status: 'PROCESSED' });
    expect(await effects('held')).toHaveLength(1);
  });

  it('two processors at once never apply an event twice', async () => {
    const workflow = countingWorkflow();
    const events = Array.from({ length: 300 }, (_, i) => ({ subject: `s-${i % 40}`, sequence: Math.floor(i / 40) + 1, data: usage(`e-${i}`, i) }));
    await putInInbox(null, events);
    await Promise.all([drain(settings(workflow, { batchSize: 25 })), drain(settings(workflow, { batchSize: 25 }))]);
    await drain(settings(workflow));
    const applied = (await effects()).filter((e) => e.entityId.startsWith('e-'));
    expect(applied).toHaveLength(300);
    expect(new Set(applied.map((e) => e.entityId)).size).toBe(300);
    expect(await db().inboxEvent.count({ where: { subject: { startsWith: 's-' }, status: 'PROCESSED', attempts: 1 } })).toBe(300);
  });
});
