// Test helpers for the inbox pipeline: put events in the inbox as the ingest path would,
// and a workflow whose every application leaves one countable effect (an audit record).
import { randomUUID } from 'node:crypto';
import { pgPool } from '../../lib/db/client.ts';
import { canonicalPayloadHash } from '../../lib/ingest/envelope/canonical-payload-hash.ts';
import { writeInboxEvents, type InboxWriteResult } from '../../lib/ingest/inbox/write-inbox-events.ts';
import { writeAudit } from '../../lib/services/audit/write-audit.ts';
import { WorkflowHold, type Workflow } from '../../lib/workflows/workflow.ts';

export interface TestEvent {
  type?: string;
  source?: string;
  subject: string;
  sequence?: number;
  data: Record<string, unknown>;
  receivedAt?: Date;
}

export async function putInInbox(connectorId: string | null, events: TestEvent[]): Promise<InboxWriteResult[]> {
  const candidates = events.map((e) => {
    const payload = { specversion: '1.0', id: randomUUID(), source: e.source ?? '/test/svc', type: e.type ?? 'q2c.usage.recorded.v1', subject: e.subject, time: '2026-03-01T10:00:00Z', ...(e.sequence ? { sequence: String(e.sequence) } : {}), data: e.data };
    return {
      source: payload.source,
      eventId: payload.id,
      type: payload.type,
      subject: e.subject,
      sequence: e.sequence ? String(e.sequence) : null,
      correlationId: null,
      eventTime: new Date(payload.time),
      payload,
      payloadHash: canonicalPayloadHash(payload),
    };
  });
  return writeInboxEvents(pgPool(), { connectorId, events: candidates });
}

export const usage = (usageId: string, units: number | string = 1) => ({ usageId, engagementRef: 'ENG-1', units: String(units), period: '2026-03' });

/** Applies usage events by writing one audit record each (the effect tests count). */
export function countingWorkflow(options: { failFirst?: number; hold?: (usageId: string) => boolean } = {}): Workflow<{ usageId: string; units: string }> & { calls: number } {
  const workflow = {
    type: 'q2c.usage.recorded.v1',
    calls: 0,
    async handle(event: Parameters<Workflow<{ usageId: string; units: string }>['handle']>[0], { tx, now }: Parameters<Workflow['handle']>[1]) {
      workflow.calls += 1;
      if (workflow.calls <= (options.failFirst ?? 0)) throw new Error('the dependency is down');
      if (options.hold?.(event.data.usageId)) {
        throw new WorkflowHold({ code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', entityType: 'UsageRecord', entityId: event.data.usageId, title: 'Usage for an unknown engagement' });
      }
      await writeAudit(tx, { actor: { type: 'SYSTEM', id: 'test' }, entityType: 'UsageRecord', entityId: event.data.usageId, action: 'usage.applied', after: { units: event.data.units, sequence: event.sequence?.toString() ?? null }, eventId: event.inboxEventId, at: now });
    },
  };
  return workflow;
}
