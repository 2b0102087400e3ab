// Orphaned projects on a real database, on engagements made by the real quote and project
// workflows: a contract still without its ERP project after the grace period, projects of a
// terminated contract, and a crosswalk entry naming no engagement are findings; a repeat
// run counts; creating the project, or removing the bad link, clears them. Exceptions the
// project workflow raised while holding an event are left to the replay.
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '../../db/client.ts';
import { commercialConnectors, engagementOfQuote, handle, quoteData, storedEvent, uniqueId } from '../../../test/fixtures/commercial.ts';
import { PROJECT_CREATED_V1, projectCreatedWorkflow } from '../../workflows/project-created.ts';
import { QUOTE_ACCEPTED_V1, quoteAcceptedWorkflow } from '../../workflows/quote-accepted.ts';
import type { WorkflowSender } from '../../workflows/workflow.ts';
import { exceptionFor, exceptionsOf, reconcile } from '../../../test/support/reconciliation.ts';
import { createInboxEvent } from '../../../test/fixtures/exceptions.ts';
import { raiseException } from '../exceptions/raise-exception.ts';

const ASOF = '2026-04-10T12:00:00Z';
let crm: WorkflowSender;
let psa: WorkflowSender;
let erp: WorkflowSender;
beforeAll(async () => {
  ({ crm, psa, erp } = await commercialConnectors());
});

async function accepted(acceptedAt = '2026-03-31T17:45:00Z') {
  const data = quoteData({ acceptedAt });
  await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, crm, data), crm);
  return engagementOfQuote(crm.code, data.quoteId);
}

async function projectCreated(sender: WorkflowSender, engagementRef: string, projectId = uniqueId('P')) {
  return handle(projectCreatedWorkflow, await storedEvent(PROJECT_CREATED_V1, sender, { engagementRef, psaProjectId: projectId }, { time: new Date('2026-04-02T12:00:00Z') }), sender).catch((e: unknown) => e);
}

let waiting: Awaited<ReturnType<typeof accepted>>;
let danglingRefId = '';

describe('reconciliation: orphaned projects', () => {
  it('finds nothing when contracts have both projects, are young, or are closed', async () => {
    const complete = await accepted();
    await projectCreated(psa, complete.code);
    await projectCreated(erp, complete.code);
    await accepted('2026-04-09T00:00:00Z'); // 36 h old at asOf: within the 72 h grace period
    const closed = await accepted();
    await db().engagement.update({ where: { id: closed.id }, data: { status: 'CLOSED', closedAt: new Date('2026-04-05T00:00:00Z') } });
    // What the inbox processor leaves when the PSA names an unknown engagement: the event HELD by ORPHANED_PROJECT.
    const held = await createInboxEvent('HELD');
    await db().$transaction((tx) => raiseException(tx, { code: 'ORPHANED_PROJECT', entityType: 'Engagement', entityId: 'ENG-NOBODY-0001', inboxEventId: held.id, raisedBy: 'worker', now: new Date() }));

    expect(await reconcile('orphaned-projects', ASOF)).toMatchObject({ code: 'ORPHANED_PROJECT', findings: 0, cleared: 0 });
    expect((await exceptionsOf('ORPHANED_PROJECT')).map((e) => e.entityId)).toEqual(['ENG-NOBODY-0001']);
  });

  it('raises a contract without its ERP project (impact its value) and a crosswalk entry naming no engagement', async () => {
    waiting = await accepted();
    await projectCreated(psa, waiting.code);
    danglingRefId = (await db().externalRef.create({ data: { system: 'psa', entityType: 'Engagement', externalId: uniqueId('PSA'), entityId: randomUUID() } })).id;

    expect(await reconcile('orphaned-projects', ASOF)).toMatchObject({ findings: 2, opened: 2 });
    const contract = await exceptionFor('ORPHANED_PROJECT', waiting.id);
    expect(contract).toMatchObject({ entityType: 'Engagement', status: 'OPEN', ownerTeam: 'DELIVERY', recoverability: 'DATA_FIX', correlationId: waiting.correlationId, impactCurrency: 'USD', title: expect.stringContaining('has no ERP project since 2026-03-31') });
    expect(contract.financialImpact.toFixed(2)).toBe(waiting.value.toFixed(2));
    expect(contract.details).toMatchObject({ missing: ['ERP'], engagementCode: waiting.code, reconciliation: { kind: 'CONTRACT_WITHOUT_PROJECT' } });
    expect(await exceptionFor('ORPHANED_PROJECT', danglingRefId)).toMatchObject({ entityType: 'ExternalRef', financialImpact: expect.anything(), details: expect.objectContaining({ system: 'psa' }) });
    expect(await exceptionFor('ORPHANED_PROJECT', 'ENG-NOBODY-0001')).toMatchObject({ occurrences: 1, status: 'OPEN' });
  });

  it('a repeat run counts occurrences, not new exceptions', async () => {
    expect(await reconcile('orphaned-projects', ASOF)).toMatchObject({ findings: 2, opened: 0, recurred: 2 });
    expect(await exceptionFor('ORPHANED_PROJECT', waiting.id)).toMatchObject({ occurrences: 2 });
    expect(await exceptionsOf('ORPHANED_PROJECT')).toHaveLength(3);
  });

  it('the ERP project and the removed link clear them; a terminated contract with live projects is found', async () => {
    await projectCreated(erp, waiting.code);
    await db().externalRef.delete({ where: { id: danglingRefId } });
    expect(await reconcile('orphaned-projects', ASOF)).toMatchObject({ findings: 0, cleared: 2 });
    expect(await exceptionFor('ORPHANED_PROJECT', waiting.id)).toMatchObject({ status: 'RESOLVED' });
    expect(await exceptionFor('ORPHANED_PROJECT', 'ENG-NOBODY-0001')).toMatchObject({ status: 'OPEN' }); // holds its event

    await db().contract.update({ where: { id: waiting.contractId! }, data: { status: 'TERMINATED' } });
    expect(await reconcile('orphaned-projects', ASOF)).toMatchObject({ findings: 1, reopened: 1 });
    expect(await exceptionFor('ORPHANED_PROJECT', waiting.id)).toMatchObject({ status: 'OPEN', title: expect.stringContaining('PSA and ERP project of'), details: expect.objectContaining({ reconciliation: expect.objectContaining({ kind: 'PROJECT_WITHOUT_CONTRACT' }) }) });
  });
});
