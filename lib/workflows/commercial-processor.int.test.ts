// The commercial workflows through the inbox processor (one batch transaction, a savepoint
// per event): a held quote fixed and replayed from the exception queue, a change order
// that arrives before its quote, and the thread from acceptance to activation.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { performExceptionAction } from '../services/exceptions/perform-exception-action.ts';
import { changeOrderData, commercialConnectors, engagementOfQuote, quoteData, retainerQuote, rowCounts } from '../../test/fixtures/commercial.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { putInInbox } from '../../test/support/inbox.ts';
import { CHANGE_ORDER_APPROVED_V1 } from './change-order-approved.ts';
import { processInboxBatch, type InboxProcessorSettings } from './process-inbox-batch.ts';
import { PROJECT_CREATED_V1 } from './project-created.ts';
import { QUOTE_ACCEPTED_V1 } from './quote-accepted.ts';
import { buildWorkflowResolver } from './registry.ts';
import { commercialWorkflows } from './registry-commercial.ts';
import type { WorkflowSender } from './workflow.ts';

const settings: InboxProcessorSettings = { batchSize: 50, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver(commercialWorkflows), random: () => 0 };
const drain = async () => {
  while ((await processInboxBatch(settings)).claimed > 0);
};

let crm: WorkflowSender;
let psa: WorkflowSender;
beforeAll(async () => {
  ({ crm, psa } = await commercialConnectors());
});

const send = (sender: WorkflowSender, type: string, subject: string, data: object, sequence?: number) =>
  putInInbox(sender.connectorId, [{ type, source: `/test/${sender.code}`, subject, sequence, data: data as Record<string, unknown> }]).then(([r]) => ({ id: r!.inboxEventId }));

const inboxRow = (id: string) => db().inboxEvent.findUniqueOrThrow({ where: { id } });

describe('commercial workflows through the inbox processor', () => {
  it('a quote held on an unknown SKU (impact in USD) completes once after a mapping and a replay', async () => {
    const data = retainerQuote({ lines: [{ sku: 'SF-MANAGED-01', description: 'CRM SKU', quantity: '12', unitPrice: '8000' }] });
    const { id } = await send(crm, QUOTE_ACCEPTED_V1, data.quoteId, data);
    await drain();
    expect(await inboxRow(id)).toMatchObject({ status: 'HELD', lastError: expect.stringMatching(/SKU SF-MANAGED-01 not in the service catalog/) });
    const exception = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'UNMAPPED_SERVICE_SKU', entityType: 'Quote', entityId: data.quoteId } }, include: { events: true } });
    // 96,000.00 GBP at the 2026-03-01 reference rate 1.3600 (the latest on or before 2026-03-31).
    expect([exception.impactAmount?.toString(), exception.impactCurrency, exception.financialImpact.toString()]).toEqual(['96000', 'GBP', '130560']);
    expect(exception).toMatchObject({ recoverability: 'DATA_FIX', ownerTeam: 'SALES_OPS', legalEntityId: expect.any(String) });
    expect(exception.events.map((e) => e.inboxEventId)).toEqual([id]);

    await db().fieldMapping.create({
      data: { system: crm.code, entityType: 'ServiceCatalogItem', direction: 'INBOUND', kind: 'VALUE', canonicalField: 'sku', externalField: 'sku', externalValue: 'SF-MANAGED-01', canonicalValue: 'MS-RETAINER' },
    });
    const { actor } = await createPerson('INTEGRATION_OPS');
    await performExceptionAction({ exceptionId: exception.id, action: 'replay', actor, now: new Date() });
    await drain();
    expect(await inboxRow(id)).toMatchObject({ status: 'PROCESSED' });
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    expect(engagement.status).toBe('SHELL');

    const before = await rowCounts();
    await performExceptionAction({ exceptionId: exception.id, action: 'replay', actor, now: new Date() });
    await drain();
    expect(await rowCounts()).toEqual(before);
    expect(await db().engagement.count({ where: { quoteId: engagement.quoteId } })).toBe(1);
  });

  it('a change order that arrives before its quote waits, and is applied by itself once the quote is accepted', async () => {
    const quote = quoteData();
    const change = changeOrderData(quote.quoteId);
    const co = await send(crm, CHANGE_ORDER_APPROVED_V1, change.changeOrderId, change, 1);
    await drain();
    expect(await inboxRow(co.id)).toMatchObject({ status: 'HELD' });
    const key = { code: 'OUT_OF_ORDER_GAP' as const, entityType: 'Quote' as const, entityId: quote.quoteId };
    expect(await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: key } })).toMatchObject({ status: 'OPEN', recoverability: 'TRANSIENT', details: { reason: 'QUOTE_NOT_ACCEPTED_YET' } });

    await send(crm, QUOTE_ACCEPTED_V1, quote.quoteId, quote);
    await drain();
    expect(await inboxRow(co.id)).toMatchObject({ status: 'PROCESSED' });
    expect((await engagementOfQuote(crm.code, quote.quoteId)).value.toString()).toBe('275000');
    const resolved = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: key }, include: { actions: true } });
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: expect.stringMatching(/1 waiting event\(s\) requeued/) });
    expect(resolved.actions.map((a) => a.kind)).toEqual(['OPEN', 'RESOLVE']);
  });

  it('acceptance → PSA project → active, one thread: the same correlation id on rows, audit, lineage and commands', async () => {
    const quote = quoteData();
    await send(crm, QUOTE_ACCEPTED_V1, quote.quoteId, quote);
    await drain();
    const shell = await engagementOfQuote(crm.code, quote.quoteId);
    const project = await send(psa, PROJECT_CREATED_V1, shell.code, { engagementRef: shell.code, psaProjectId: 'PSA-88123' });
    await drain();
    expect(await inboxRow(project.id)).toMatchObject({ status: 'PROCESSED', lastError: null });
    const active = await db().engagement.findUniqueOrThrow({ where: { id: shell.id } });
    expect(active).toMatchObject({ status: 'ACTIVE', psaProjectId: 'PSA-88123' });
    expect(active.activatedAt!.getTime()).toBeGreaterThanOrEqual(active.quoteAcceptedAt!.getTime());

    const thread = shell.correlationId;
    expect(await db().outboxCommand.count({ where: { correlationId: thread } })).toBe(3);
    expect(await db().lineageLink.count({ where: { correlationId: thread } })).toBe(10);
    expect(await db().auditRecord.count({ where: { correlationId: thread } })).toBe(6);
  });
});
