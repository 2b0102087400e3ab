// The inbox processor on a real PostgreSQL: exactly-once application, per-subject
// ordering, retries with backoff, holds and replays, and two processors at once.
import { describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { requeueHeldEvents } from '../services/exceptions/requeue-held-events.ts';
import { countingWorkflow, putInInbox, usage } from '../../test/support/inbox.ts';
import { processInboxBatch, type InboxProcessorSettings } from './process-inbox-batch.ts';
import { buildWorkflowResolver } from './registry.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { WorkflowHold, type Workflow } from './workflow.ts';

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

  it('an event failing in the middle of a batch rolls back alone: the others commit once, it is retried or held', async () => {
    // Counts how often each event's workflow ran; `mid-fail` fails once (the dependency is down), `mid-hold` needs a data fix.
    const calls = new Map<string, number>();
    const workflow: Workflow<{ usageId: string; units: string }> = {
      type: 'q2c.usage.recorded.v1',
      async handle(event, { tx, now }) {
        const id = event.data.usageId;
        calls.set(id, (calls.get(id) ?? 0) + 1);
        await writeAudit(tx, { actor: { type: 'SYSTEM', id: 'test' }, entityType: 'UsageRecord', entityId: id, action: 'usage.applied', after: { units: event.data.units }, eventId: event.inboxEventId, at: now });
        if (id === 'mid-fail' && calls.get(id) === 1) throw new Error('the dependency is down');
        if (id === 'mid-hold') throw new WorkflowHold({ code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', entityType: 'UsageRecord', entityId: id, title: 'Usage for an unknown engagement' });
      },
    };
    const midEffects = async () => (await effects()).filter((e) => e.entityId.startsWith('mid-'));
    const ids = ['mid-a', 'mid-b', 'mid-fail', 'mid-c', 'mid-hold', 'mid-d'];
    await putInInbox(null, ids.map((id) => ({ subject: id, data: usage(id) })));
    const summary = await processInboxBatch(settings(workflow));
    expect(summary).toMatchObject({ claimed: 6, processed: 4, retrying: 1, held: 1 });

    // Each effect exists once: the failing events' own writes were undone, the others' kept once.
    expect((await midEffects()).map((e) => e.entityId).sort()).toEqual(['mid-a', 'mid-b', 'mid-c', 'mid-d']);
    // The failure was recorded as it happened, not by running the event again.
    expect(calls.get('mid-fail')).toBe(1);
    const status = async (id: string) => db().inboxEvent.findFirstOrThrow({ where: { subject: id } });
    expect(await status('mid-fail')).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'the dependency is down' });
    expect(await status('mid-hold')).toMatchObject({ status: 'HELD', attempts: 1 });
    expect(await db().exception.count({ where: { code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', entityId: 'mid-hold' } })).toBe(1);
    for (const id of ['mid-a', 'mid-b', 'mid-c', 'mid-d']) expect(await status(id)).toMatchObject({ status: 'PROCESSED', attempts: 1 });

    // The retry applies it once.
    await db().inboxEvent.updateMany({ where: { subject: 'mid-fail' }, data: { nextAttemptAt: new Date() } });
    await drain(settings(workflow));
    expect(await status('mid-fail')).toMatchObject({ status: 'PROCESSED', attempts: 2 });
    expect(await effects('mid-fail')).toHaveLength(1);
    expect(await midEffects()).toHaveLength(5);
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
