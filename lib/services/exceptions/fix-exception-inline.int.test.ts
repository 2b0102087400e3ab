// Inline fixes from triage on a real PostgreSQL, through the inbox processor: a quote held
// on an unknown SKU, on an unknown legal entity code, and on an unknown parent client is
// fixed by a choice and replayed in one call, and completes; the choice is audited, and
// wrong choices, wrong roles and closed exceptions change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import type { ExceptionCode } from '../../db/generated/enums.ts';
import { isAppError } from '../../errors.ts';
import { commercialConnectors, engagementOfQuote, retainerQuote, uniqueId } from '../../../test/fixtures/commercial.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { putInInbox } from '../../../test/support/inbox.ts';
import { processInboxBatch, type InboxProcessorSettings } from '../../workflows/process-inbox-batch.ts';
import { QUOTE_ACCEPTED_V1 } from '../../workflows/quote-accepted.ts';
import { buildWorkflowResolver } from '../../workflows/registry.ts';
import { commercialWorkflows } from '../../workflows/registry-commercial.ts';
import type { WorkflowSender } from '../../workflows/workflow.ts';
import { fixExceptionInline } from './fix-exception-inline.ts';
import { performExceptionAction } from './perform-exception-action.ts';

const settings: InboxProcessorSettings = { batchSize: 50, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver(commercialWorkflows), random: () => 0 };
const drain = async () => {
  while ((await processInboxBatch(settings)).claimed > 0);
};
let crm: WorkflowSender;
beforeAll(async () => {
  ({ crm } = await commercialConnectors());
});

async function heldQuote(overrides: Record<string, unknown>, code: ExceptionCode) {
  const data = retainerQuote(overrides);
  const [stored] = await putInInbox(crm.connectorId, [{ type: QUOTE_ACCEPTED_V1, source: `/test/${crm.code}`, subject: data.quoteId, data: data as unknown as Record<string, unknown> }]);
  await drain();
  const inboxEventId = stored!.inboxEventId;
  expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: inboxEventId } })).toMatchObject({ status: 'HELD' });
  const exception = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code, entityType: 'Quote', entityId: data.quoteId } } });
  return { data, inboxEventId, exception };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe('fixExceptionInline', () => {
  it('UNMAPPED_SERVICE_SKU: maps the SKU to the chosen catalog item, replays, and the engagement is created', async () => {
    const sku = uniqueId('SF-SKU');
    const { data, inboxEventId, exception } = await heldQuote({ lines: [{ sku, description: 'CRM SKU', quantity: '12', unitPrice: '8000' }] }, 'UNMAPPED_SERVICE_SKU');
    const ops = await createPerson('INTEGRATION_OPS');
    const now = new Date();

    const fixed = await fixExceptionInline({ exceptionId: exception.id, actor: ops.actor, choices: [{ external: sku, canonical: 'MS-RETAINER' }], replay: true, now });
    expect(fixed).toMatchObject({ fix: { kind: 'service-sku', system: crm.code, externalValues: [sku] }, changed: 1, requeuedEventIds: [inboxEventId] });
    const mapping = await db().fieldMapping.findFirstOrThrow({ where: { system: crm.code, entityType: 'ServiceCatalogItem', externalValue: sku } });
    expect(mapping).toMatchObject({ direction: 'INBOUND', kind: 'VALUE', canonicalField: 'sku', canonicalValue: 'MS-RETAINER', active: true });
    expect(await db().auditRecord.count({ where: { entityType: 'FieldMapping', entityId: mapping.id, action: 'field-mapping.created', actorId: ops.user.id } })).toBe(1);
    const actions = await db().exceptionAction.findMany({ where: { exceptionId: exception.id, actorId: ops.user.id }, orderBy: { at: 'asc' } });
    expect(actions.map((a) => a.kind).sort()).toEqual(['FIX_MAPPING', 'REPLAY']);
    expect(actions.find((a) => a.kind === 'FIX_MAPPING')?.data).toEqual({ fix: 'service-sku', system: crm.code, choices: { [sku]: 'MS-RETAINER' } });

    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: inboxEventId } })).toMatchObject({ status: 'PROCESSED' });
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    expect(engagement.status).toBe('SHELL');
    expect(await db().exception.findUniqueOrThrow({ where: { id: exception.id } })).toMatchObject({ status: 'RESOLVED' });
  });

  it('INVALID_LEGAL_ENTITY: the sender code is mapped to the chosen legal entity and the quote goes through', async () => {
    const code = uniqueId('UKLTD').slice(0, 30);
    const client = { externalId: uniqueId('BRIT'), name: 'Brit Retail', legalEntityCode: code };
    const { data, inboxEventId, exception } = await heldQuote({ client }, 'INVALID_LEGAL_ENTITY');
    const ops = await createPerson('INTEGRATION_OPS');
    expect(await failure(fixExceptionInline({ exceptionId: exception.id, actor: ops.actor, choices: [{ external: code, canonical: 'NOPE' }], replay: true, now: new Date() }))).toBe('VALIDATION_FAILED');

    await fixExceptionInline({ exceptionId: exception.id, actor: ops.actor, choices: [{ external: code, canonical: 'GB01' }], replay: true, now: new Date() });
    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: inboxEventId } })).toMatchObject({ status: 'PROCESSED' });
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    const gb01 = await db().legalEntity.findUniqueOrThrow({ where: { code: 'GB01' } });
    expect(engagement.legalEntityId).toBe(gb01.id);
  });

  it('CLIENT_NOT_MASTERED: the unknown parent id is linked to the chosen client in the crosswalk', async () => {
    const parent = await db().client.create({ data: { name: 'Parent Holdings', billToLegalEntityId: (await db().legalEntity.findUniqueOrThrow({ where: { code: 'GB01' } })).id } });
    const parentExternalId = uniqueId('PARENT');
    const client = { externalId: uniqueId('BRIT'), name: 'Brit Retail', legalEntityCode: 'GB01', parentExternalId };
    const { data, inboxEventId, exception } = await heldQuote({ client }, 'CLIENT_NOT_MASTERED');
    const ops = await createPerson('INTEGRATION_OPS');
    await fixExceptionInline({ exceptionId: exception.id, actor: ops.actor, choices: [{ external: parentExternalId, canonical: parent.id }], replay: true, now: new Date() });
    expect(await db().externalRef.findFirst({ where: { system: crm.code, entityType: 'Client', externalId: parentExternalId } })).toMatchObject({ entityId: parent.id });
    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: inboxEventId } })).toMatchObject({ status: 'PROCESSED' });
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    expect((await db().client.findUniqueOrThrow({ where: { id: engagement.clientId } })).parentId).toBe(parent.id);
  });

  it('refuses what is not a fix: wrong role, unknown value, missing choice, closed exception, a code without one', async () => {
    const sku = uniqueId('SF-SKU');
    const { exception } = await heldQuote({ lines: [{ sku, description: 'CRM SKU', quantity: '12', unitPrice: '8000' }] }, 'UNMAPPED_SERVICE_SKU');
    const [ops, finance] = [await createPerson('INTEGRATION_OPS'), await createPerson('FINANCE')];
    const fix = (input: Partial<Parameters<typeof fixExceptionInline>[0]>) => failure(fixExceptionInline({ exceptionId: exception.id, actor: ops.actor, choices: [{ external: sku, canonical: 'MS-RETAINER' }], replay: false, now: new Date(), ...input }));

    expect(await fix({ actor: finance.actor })).toBe('FORBIDDEN');
    expect(await fix({ choices: [{ external: 'OTHER', canonical: 'MS-RETAINER' }] })).toBe('VALIDATION_FAILED');
    expect(await fix({ choices: [] })).toBe('VALIDATION_FAILED');
    expect(await fix({ choices: [{ external: sku, canonical: 'NOT-A-SKU' }] })).toBe('VALIDATION_FAILED');
    expect(await db().fieldMapping.count({ where: { externalValue: sku } })).toBe(0);

    await performExceptionAction({ exceptionId: exception.id, action: 'suppress', reason: 'test', actor: ops.actor, now: new Date() });
    expect(await fix({})).toBe('CONFLICT');
    const deduction = await db().$transaction((tx) => tx.exception.create({ data: { code: 'SHORT_PAY_DEDUCTION', entityType: 'CashApplication', entityId: uniqueId('ca'), title: 't', recoverability: 'DECISION', recoverabilityRank: 0, ownerTeam: 'FINANCE_AR' } }));
    expect(await fix({ exceptionId: deduction.id })).toBe('UNPROCESSABLE');
  });
});
