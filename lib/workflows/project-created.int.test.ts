// q2c.project.created.v1 on a real database: activation of the engagement shell by the
// PSA project, references by code, id and crosswalk, the ERP's project id, holds and
// replays.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import { commercialConnectors, engagementOfQuote, handle, quoteData, rowCounts, storedEvent, uniqueId } from '../../test/fixtures/commercial.ts';
import { PROJECT_CREATED_V1, projectCreatedWorkflow } from './project-created.ts';
import { QUOTE_ACCEPTED_V1, quoteAcceptedWorkflow } from './quote-accepted.ts';
import { WorkflowHold, type WorkflowSender } from './workflow.ts';

let crm: WorkflowSender;
let psa: WorkflowSender;
let erp: WorkflowSender;
beforeAll(async () => {
  ({ crm, psa, erp } = await commercialConnectors());
});

async function shell() {
  const data = quoteData();
  await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, crm, data), crm);
  return engagementOfQuote(crm.code, data.quoteId);
}

const projectEvent = (sender: WorkflowSender, engagementRef: string, psaProjectId: string, time = new Date('2026-04-03T12:00:00Z')) =>
  storedEvent(PROJECT_CREATED_V1, sender, { engagementRef, psaProjectId }, { time });

async function heldBy(sender: WorkflowSender, engagementRef: string, projectId: string): Promise<WorkflowHold['exception']> {
  const error = await handle(projectCreatedWorkflow, await projectEvent(sender, engagementRef, projectId), sender).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowHold);
  return (error as WorkflowHold).exception;
}

describe('q2c.project.created.v1', () => {
  it('activates the shell: PSA id in the crosswalk and on the engagement, activatedAt, audit and lineage; a replay changes nothing', async () => {
    const engagement = await shell();
    const projectId = uniqueId('PSA');
    const event = await projectEvent(psa, engagement.code, projectId);
    expect(await handle(projectCreatedWorkflow, event, psa)).toEqual({ status: 'applied', note: `${engagement.code} activated with psa project ${projectId}.` });

    const active = await db().engagement.findUniqueOrThrow({ where: { id: engagement.id } });
    expect(active).toMatchObject({ status: 'ACTIVE', psaProjectId: projectId, activatedAt: new Date('2026-04-03T12:00:00Z') });
    expect(await db().externalRef.findUnique({ where: { system_entityType_externalId: { system: 'psa', entityType: 'Engagement', externalId: projectId } } })).toMatchObject({ entityId: engagement.id });
    const [audit] = await db().auditRecord.findMany({ where: { eventId: event.inboxEventId } });
    expect(audit).toMatchObject({ action: 'engagement.activated', before: { status: 'SHELL', psaProjectId: null }, after: { status: 'ACTIVE', psaProjectId: projectId }, correlationId: engagement.correlationId });
    expect(await db().lineageLink.findFirst({ where: { fromId: engagement.id, relation: 'MIRRORED_AS' } })).toMatchObject({ toType: 'ExternalRef', eventId: event.inboxEventId });

    const before = await rowCounts();
    expect(await handle(projectCreatedWorkflow, event, psa)).toMatchObject({ status: 'applied', note: expect.stringMatching(/already has project/) });
    // The PSA's own project id works as the engagementRef too, through the crosswalk.
    await handle(projectCreatedWorkflow, await projectEvent(psa, projectId, projectId), psa);
    expect(await rowCounts()).toEqual(before);
  });

  it('resolves the engagement by id; activatedAt is never before the quote was accepted', async () => {
    const engagement = await shell();
    await handle(projectCreatedWorkflow, await projectEvent(psa, engagement.id, uniqueId('PSA'), new Date('2026-01-01T00:00:00Z')), psa);
    expect((await db().engagement.findUniqueOrThrow({ where: { id: engagement.id } })).activatedAt).toEqual(engagement.quoteAcceptedAt);
  });

  it('ORPHANED_PROJECT: an unknown engagementRef, a second project for one engagement', async () => {
    const projectId = uniqueId('PSA');
    expect(await heldBy(psa, 'ENG-US01-9999', projectId)).toMatchObject({ code: 'ORPHANED_PROJECT', entityType: 'Engagement', entityId: 'ENG-US01-9999', details: { projectId, engagementRef: 'ENG-US01-9999', system: 'psa' } });
    const engagement = await shell();
    await handle(projectCreatedWorkflow, await projectEvent(psa, engagement.code, projectId), psa);
    expect(await heldBy(psa, engagement.code, 'PSA-OTHER')).toMatchObject({ code: 'ORPHANED_PROJECT', entityId: engagement.id, details: { linkedProjectId: projectId } });
  });

  it('the ERP links its project id without activating; a CRM may not set project ids', async () => {
    const engagement = await shell();
    const erpProject = uniqueId('ERP-PRJ');
    expect(await handle(projectCreatedWorkflow, await projectEvent(erp, engagement.code, erpProject), erp)).toMatchObject({ note: expect.stringMatching(/linked to erp project/) });
    expect(await db().engagement.findUniqueOrThrow({ where: { id: engagement.id } })).toMatchObject({ status: 'SHELL', erpProjectId: erpProject, psaProjectId: null });

    const outcome = await handle(projectCreatedWorkflow, await projectEvent(crm, engagement.code, 'X-1'), crm);
    expect(outcome).toMatchObject({ status: 'ignored', note: expect.stringMatching(/does not own psaProjectId/) });
    expect(await db().exception.findUnique({ where: { code_entityType_entityId: { code: 'OWNERSHIP_VIOLATION', entityType: 'Engagement', entityId: engagement.id } } })).not.toBeNull();
  });
});
