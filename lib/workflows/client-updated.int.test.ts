// q2c.client.updated.v1 on a real database: creation from the CRM, field stewardship
// between CRM and ERP, field mappings, references (bill-to, parent), holds, replays and
// concurrent creation.
import { describe, expect, it } from 'vitest';
import { auditsOf, createTestConnector, runWorkflow, uniqueId } from '../../test/fixtures/master-data.ts';
import { db } from '../db/client.ts';
import type { ClientUpdatedData } from '../ingest/schemas/client-updated.ts';
import { clientUpdatedWorkflow } from './client-updated.ts';
import { WorkflowHold, type WorkflowSender } from './workflow.ts';

const run = (sender: WorkflowSender | null, externalId: string, fields: Record<string, unknown>) =>
  runWorkflow<ClientUpdatedData>(clientUpdatedWorkflow, { sender, data: { externalId, fields }, correlationId: 'corr-1' });

async function clientFor(system: string, externalId: string) {
  const ref = await db().externalRef.findUniqueOrThrow({ where: { system_entityType_externalId: { system, entityType: 'Client', externalId } } });
  return db().client.findUniqueOrThrow({ where: { id: ref.entityId }, include: { billToLegalEntity: true } });
}

async function held(promise: Promise<unknown>): Promise<WorkflowHold['exception']> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowHold);
  return (error as WorkflowHold).exception;
}

const violationOn = (entityId: string) =>
  db().exception.findUnique({ where: { code_entityType_entityId: { code: 'OWNERSHIP_VIOLATION', entityType: 'Client', entityId } }, include: { events: true } });

/** A client created by the CRM and known to the ERP under its own id. */
async function mastered() {
  const crm = await createTestConnector('CRM');
  const erp = await createTestConnector('ERP');
  const crmId = uniqueId('ACME');
  await run(crm, crmId, { name: 'Acme', billToLegalEntityCode: 'US01' });
  const client = await clientFor(crm.code, crmId);
  const erpId = uniqueId('CUST');
  await db().externalRef.create({ data: { system: erp.code, entityType: 'Client', externalId: erpId, entityId: client.id } });
  return { crm, erp, crmId, erpId, client };
}

describe('q2c.client.updated.v1: creation', () => {
  it('the CRM creates a client it owns, with its crosswalk link; unknown fields are left out with a reason', async () => {
    const crm = await createTestConnector('CRM');
    const externalId = uniqueId('ACME');
    const { outcome, inboxEventId } = await run(crm, externalId, { name: 'Acme Corp', billToLegalEntityCode: 'GB01', industry: 'Retail' });
    expect(outcome).toMatchObject({ status: 'applied', note: expect.stringMatching(/^Client created\. Not applied — industry: not a client field Threadline keeps$/) });

    const client = await clientFor(crm.code, externalId);
    expect(client).toMatchObject({ name: 'Acme Corp', sourceSystem: crm.code, externalId, legalName: null });
    expect(client.billToLegalEntity.code).toBe('GB01');
    const [created] = await auditsOf(client.id);
    expect(created).toMatchObject({ action: 'client.created', actorType: 'CONNECTOR', actorId: crm.connectorId, eventId: inboxEventId, correlationId: 'corr-1' });
    expect(await violationOn(client.id)).toBeNull();
  });

  it('seeds bill-to on creation but refuses the ERP-owned legal name (OWNERSHIP_VIOLATION); a replay adds nothing', async () => {
    const crm = await createTestConnector('CRM');
    const externalId = uniqueId('ACME');
    const fields = { name: 'Acme', billToLegalEntityCode: 'US01', legalName: 'Acme Holdings, Inc.', country: 'US' };
    const first = await run(crm, externalId, fields);
    const client = await clientFor(crm.code, externalId);
    expect([client.legalName, client.country]).toEqual([null, null]);
    const violation = await violationOn(client.id);
    expect(violation?.details).toMatchObject({ refused: [{ field: 'legalName', owner: 'ERP' }, { field: 'country', owner: 'ERP' }] });
    expect(violation?.events.map((e) => e.inboxEventId)).toEqual([first.inboxEventId]);

    const replay = await run(crm, externalId, fields);
    expect(replay.outcome).toMatchObject({ status: 'ignored' });
    expect(await auditsOf(client.id)).toHaveLength(1);
    expect((await violationOn(client.id))?.occurrences).toBe(2);
    // Without the ERP's fields the replay is no change at all.
    expect((await run(crm, externalId, { name: 'Acme', billToLegalEntityCode: 'US01' })).outcome).toEqual({ status: 'applied', note: 'No change.' });
  });

  it('holds an unknown client it cannot create (CLIENT_NOT_MASTERED), and an unknown bill-to (INVALID_LEGAL_ENTITY)', async () => {
    const crm = await createTestConnector('CRM');
    const erp = await createTestConnector('ERP');
    expect(await held(run(erp, 'CUST-1', { name: 'Acme', billToLegalEntityCode: 'US01' }))).toMatchObject({ code: 'CLIENT_NOT_MASTERED', entityId: 'CUST-1' });
    expect(await held(run(crm, 'ACME-9', { name: 'Acme' }))).toMatchObject({ code: 'CLIENT_NOT_MASTERED', details: { reason: expect.stringMatching(/billToLegalEntityCode/) } });
    expect(await held(run(crm, 'ACME-9', { name: 'Acme', billToLegalEntityCode: 'ZZ99' }))).toMatchObject({ code: 'INVALID_LEGAL_ENTITY', entityId: 'ACME-9' });
    expect(await db().client.count({ where: { externalId: { in: ['CUST-1', 'ACME-9'] } } })).toBe(0);
  });

  it('two transactions creating the same client at once: one client, one link, one creation audit', async () => {
    const crm = await createTestConnector('CRM');
    const externalId = uniqueId('ACME');
    await Promise.all([1, 2, 3].map(() => run(crm, externalId, { name: 'Acme', billToLegalEntityCode: 'US01' })));
    expect(await db().client.count({ where: { sourceSystem: crm.code, externalId } })).toBe(1);
    expect(await db().externalRef.count({ where: { system: crm.code, externalId } })).toBe(1);
    expect(await auditsOf((await clientFor(crm.code, externalId)).id)).toHaveLength(1);
  });
});

describe('q2c.client.updated.v1: changes', () => {
  it('the ERP changes the fields it owns; the CRM-owned name is refused only when it differs', async () => {
    const { erp, erpId, client } = await mastered();
    const fields = { legalName: 'Acme Holdings, Inc.', paymentTermsDays: '45', billingAddress: { city: 'Austin', line1: '1 Main St' }, billToLegalEntityCode: 'US01', name: 'Acme' };
    const { outcome, inboxEventId } = await run(erp, erpId, fields);
    expect(outcome).toEqual({ status: 'applied', note: undefined });
    const updated = await db().client.findUniqueOrThrow({ where: { id: client.id } });
    expect(updated).toMatchObject({ legalName: 'Acme Holdings, Inc.', paymentTermsDays: 45, billingAddress: { city: 'Austin', line1: '1 Main St' }, name: 'Acme' });
    const audits = await auditsOf(client.id);
    expect(audits.at(-1)).toMatchObject({ action: 'client.updated', actorId: erp.connectorId, eventId: inboxEventId, before: { legalName: null, paymentTermsDays: null, billingAddress: null } });
    expect(Object.keys(audits.at(-1)!.after as object).sort()).toEqual(['billingAddress', 'legalName', 'paymentTermsDays']);

    // Same values in another key order: no change, no audit.
    expect((await run(erp, erpId, { ...fields, billingAddress: { line1: '1 Main St', city: 'Austin' } })).outcome).toEqual({ status: 'applied', note: 'No change.' });
    expect(await auditsOf(client.id)).toHaveLength(audits.length);

    const renamed = await run(erp, erpId, { name: 'ACME (ERP spelling)', billingAddress: null });
    expect(renamed.outcome).toMatchObject({ status: 'applied', note: 'Not applied — name: owned by CRM' });
    const after = await db().client.findUniqueOrThrow({ where: { id: client.id } });
    expect([after.name, after.billingAddress]).toEqual(['Acme', null]);
    expect((await violationOn(client.id))?.details).toMatchObject({ sender: erp.code, refused: [{ field: 'name', owner: 'CRM' }] });
  });

  it("uses the sender's field mappings; leaves out values that do not fit with a reason", async () => {
    const { erp, erpId, client } = await mastered();
    await db().fieldMapping.create({ data: { system: erp.code, entityType: 'Client', direction: 'INBOUND', kind: 'FIELD', canonicalField: 'paymentTermsDays', externalField: 'terms' } });
    const { outcome } = await run(erp, erpId, { terms: 30, billingCurrency: 'dollars', country: 'us' });
    expect(outcome).toMatchObject({ status: 'applied', note: expect.stringMatching(/^Not applied — billingCurrency: invalid value \(.+\)$/) });
    expect(await db().client.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({ paymentTermsDays: 30, country: 'US', billingCurrency: null });
  });

  it('moves the bill-to legal entity when the ERP says so', async () => {
    const { erp, erpId, client } = await mastered();
    await run(erp, erpId, { billToLegalEntityCode: 'DE01' });
    expect((await db().client.findUniqueOrThrow({ where: { id: client.id }, include: { billToLegalEntity: true } })).billToLegalEntity.code).toBe('DE01');
    expect(await held(run(erp, erpId, { billToLegalEntityCode: 'XX01' }))).toMatchObject({ code: 'INVALID_LEGAL_ENTITY', entityId: client.id });
  });

  it('links a parent the CRM knows; holds an unknown parent and a loop (CLIENT_NOT_MASTERED)', async () => {
    const { crm, crmId: childId, client: child } = await mastered();
    const groupId = uniqueId('GROUP');
    await run(crm, groupId, { name: 'Acme Group', billToLegalEntityCode: 'US01' });
    const group = await clientFor(crm.code, groupId);

    expect(await held(run(crm, childId, { parentExternalId: 'NOBODY' }))).toMatchObject({ code: 'CLIENT_NOT_MASTERED', entityId: child.id, details: { parentExternalId: 'NOBODY' } });
    await run(crm, childId, { parentExternalId: groupId });
    expect((await db().client.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(group.id);
    expect(await held(run(crm, groupId, { parentExternalId: childId }))).toMatchObject({ code: 'CLIENT_NOT_MASTERED', entityId: group.id });
    // A new client may name a known parent at creation.
    const subsidiaryId = uniqueId('SUB');
    await run(crm, subsidiaryId, { name: 'Acme UK', billToLegalEntityCode: 'GB01', parentExternalId: groupId });
    expect((await clientFor(crm.code, subsidiaryId)).parentId).toBe(group.id);

    await run(crm, childId, { parentExternalId: null });
    expect((await db().client.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBeNull();
  });

  it('follows the ownership rules as they are now', async () => {
    const { crm, crmId, client } = await mastered();
    await db().ownershipRule.update({ where: { domain_field: { domain: 'Client', field: 'paymentTermsDays' } }, data: { owningSystem: 'CRM' } });
    try {
      await run(crm, crmId, { paymentTermsDays: 60 });
      expect((await db().client.findUniqueOrThrow({ where: { id: client.id } })).paymentTermsDays).toBe(60);
    } finally {
      await db().ownershipRule.update({ where: { domain_field: { domain: 'Client', field: 'paymentTermsDays' } }, data: { owningSystem: 'ERP' } });
    }
  });
});
