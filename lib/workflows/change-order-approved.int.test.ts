// q2c.change_order.approved.v1 on a real database: the engagement, milestones, billing
// plan and SOW before and after, versions that replace each other, holds, idempotent
// replays, and a newer quote version on top of an approved change order.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import type { ChangeOrderApprovedData } from '../ingest/schemas/change-order-approved.ts';
import type { QuoteAcceptedData } from '../ingest/schemas/quote-accepted.ts';
import { changeOrderData, commercialConnectors, engagementOfQuote, handle, quoteData, rowCounts, storedEvent, tmQuote } from '../../test/fixtures/commercial.ts';
import { CHANGE_ORDER_APPROVED_V1, changeOrderApprovedWorkflow } from './change-order-approved.ts';
import { QUOTE_ACCEPTED_V1, quoteAcceptedWorkflow } from './quote-accepted.ts';
import { WorkflowHold, type WorkflowSender } from './workflow.ts';

let crm: WorkflowSender;
beforeAll(async () => {
  ({ crm } = await commercialConnectors());
});

async function accepted(data: QuoteAcceptedData = quoteData()) {
  await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, crm, data), crm);
  return data;
}

async function approve(data: ChangeOrderApprovedData) {
  const event = await storedEvent(CHANGE_ORDER_APPROVED_V1, crm, data);
  return { event, outcome: await handle(changeOrderApprovedWorkflow, event, crm) };
}

async function heldBy(data: ChangeOrderApprovedData): Promise<WorkflowHold['exception']> {
  const before = await rowCounts();
  const error = await approve(data).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowHold);
  expect(await rowCounts()).toEqual(before);
  return (error as WorkflowHold).exception;
}

const milestones = (engagement: Awaited<ReturnType<typeof engagementOfQuote>>) =>
  engagement.milestones.map((m) => [m.ref, m.amount.toString(), m.dueDate?.toISOString().slice(0, 10), m.status]);

describe('q2c.change_order.approved.v1', () => {
  it('amends value, cost, budget and milestones; keeps the plan before and after; new SOW version; UPDATE_CONTRACT; audit and lineage', async () => {
    const quote = await accepted();
    const data = changeOrderData(quote.quoteId);
    const { event, outcome } = await approve(data);
    expect(outcome).toMatchObject({ status: 'applied', note: expect.stringMatching(/value 250000 → 275000 USD, SOW version 2\.$/) });

    const engagement = await engagementOfQuote(crm.code, quote.quoteId);
    expect([engagement.value.toString(), engagement.estimatedCost?.toString(), engagement.budgetHours?.toString()]).toEqual(['275000', '178499.5', '120.5']);
    expect(milestones(engagement)).toEqual([
      ['M1', '100000', '2026-05-31', 'PLANNED'],
      ['M2', '150000', '2026-10-15', 'PLANNED'],
      ['M3', '25000', '2026-10-31', 'PLANNED'],
    ]);
    expect(engagement.billingPlan).toMatchObject({ version: 2 });
    expect([engagement.billingPlan!.contractValue.toString(), engagement.billingPlan!.estimatedTotalCost?.toString()]).toEqual(['275000', '178499.5']);

    const row = await db().changeOrder.findFirstOrThrow({ where: { externalId: data.changeOrderId }, include: { sowVersion: true } });
    expect(row).toMatchObject({ version: 1, status: 'APPROVED', engagementId: engagement.id, reason: 'Client added hypercare' });
    expect([row.valueBefore, row.valueAfter, row.estimatedCostBefore, row.estimatedCostAfter, row.budgetHoursBefore, row.budgetHoursAfter].map((d) => d?.toString() ?? null)).toEqual(['250000', '275000', '180000', '178499.5', null, '120.5']);
    expect(row.billingPlanBefore).toMatchObject({ version: 1, contractValue: '250000', milestones: [{ ref: 'M1' }, { ref: 'M2', dueDate: '2026-09-30' }] });
    expect(row.billingPlanAfter).toMatchObject({ version: 2, contractValue: '275000', milestones: [{ ref: 'M1' }, { ref: 'M2', dueDate: '2026-10-15' }, { ref: 'M3', amount: '25000' }] });
    expect(row.milestoneChanges).toMatchObject({ applied: [{ ref: 'M3', change: 'created' }, { ref: 'M2', change: 'updated' }] });
    expect(engagement.milestones.find((m) => m.ref === 'M3')?.changeOrderId).toBe(row.id);

    const sows = await db().sowVersion.findMany({ where: { contractId: engagement.contractId! }, orderBy: { version: 'asc' } });
    expect(sows.map((s) => [s.version, s.totalValue.toString(), s.supersededAt !== null, s.changeOrderId])).toEqual([
      [1, '250000', true, null],
      [2, '275000', false, row.id],
    ]);
    expect(await db().contract.findUniqueOrThrow({ where: { id: engagement.contractId! } })).toMatchObject({ currentVersion: 2 });

    const command = await db().outboxCommand.findFirstOrThrow({ where: { kind: 'UPDATE_CONTRACT', entityId: engagement.id } });
    expect(command).toMatchObject({ idempotencyKey: `erp:update-contract:change-order:${row.id}`, causedByEventId: event.inboxEventId });
    expect(command.heldAmount?.toString()).toBe('25000');
    expect(command.payload).toMatchObject({ sowVersion: 2, contractValue: '275000', cause: { type: 'ChangeOrder', externalId: data.changeOrderId, version: 1 }, billingPlan: { version: 2 } });

    const audits = await db().auditRecord.findMany({ where: { eventId: event.inboxEventId } });
    expect(audits.map((a) => a.action).sort()).toEqual(['billing_plan.amended', 'change_order.approved', 'engagement.amended']);
    const edges = await db().lineageLink.findMany({ where: { eventId: event.inboxEventId } });
    expect(edges.map((e) => `${e.fromType}-${e.relation}->${e.toType}`).sort()).toEqual([
      'BillingPlan-CONTAINS->Milestone',
      'ChangeOrder-AMENDED->BillingPlan',
      'ChangeOrder-AMENDED->Engagement',
      'ChangeOrder-AMENDED->Milestone',
      'ChangeOrder-AMENDED->Milestone',
      'ChangeOrder-AMENDED->SowVersion',
      'Contract-HAS_VERSION->SowVersion',
    ]);
    expect(edges.find((e) => e.toType === 'Engagement')?.amount?.toString()).toBe('25000');

    const before = await rowCounts();
    expect(await handle(changeOrderApprovedWorkflow, event, crm)).toMatchObject({ status: 'applied', note: expect.stringMatching(/already applied/) });
    expect(await rowCounts()).toEqual(before);
  });

  it('a later version replaces the one in force (deltas are not added up); an older one is superseded', async () => {
    const quote = await accepted();
    const v1 = changeOrderData(quote.quoteId);
    await approve(v1);
    const v2 = { ...v1, version: 2, valueDelta: '30000', milestonesAdded: [{ ref: 'M3', name: 'Hypercare+', amount: '30000', dueDate: '2026-11-30' }], milestonesChanged: undefined };
    expect((await approve(v2)).outcome).toMatchObject({ note: expect.stringMatching(/value 275000 → 280000 USD, SOW version 3, supersedes v1\.$/) });
    const engagement = await engagementOfQuote(crm.code, quote.quoteId);
    expect(milestones(engagement)).toEqual([
      ['M1', '100000', '2026-05-31', 'PLANNED'],
      ['M2', '150000', '2026-10-15', 'PLANNED'],
      ['M3', '30000', '2026-11-30', 'PLANNED'],
    ]);
    const rows = await db().changeOrder.findMany({ where: { externalId: v1.changeOrderId }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => [r.version, r.status, r.valueBefore.toString(), r.valueAfter.toString()])).toEqual([
      [1, 'SUPERSEDED', '250000', '275000'],
      [2, 'APPROVED', '275000', '280000'],
    ]);
    expect(await db().lineageLink.count({ where: { fromId: rows[1]!.id, toId: rows[0]!.id, relation: 'SUPERSEDES' } })).toBe(1);

    // v3 drops the hypercare milestone and its value: the milestone is cancelled, not deleted.
    await approve({ ...v1, version: 3, valueDelta: '0', estimatedCostDelta: '0', budgetHoursDelta: '0', milestonesAdded: undefined, milestonesChanged: undefined });
    const after = await engagementOfQuote(crm.code, quote.quoteId);
    expect([after.value.toString(), after.estimatedCost?.toString()]).toEqual(['250000', '180000']);
    expect(milestones(after).at(-1)).toEqual(['M3', '30000', '2026-11-30', 'CANCELLED']);

    const before = await rowCounts();
    expect((await approve({ ...v1, version: 2 })).outcome).toMatchObject({ status: 'applied', note: expect.stringMatching(/already applied/) });
    expect((await approve(v1).then((r) => r.outcome))).toMatchObject({ status: 'applied' });
    expect(await rowCounts()).toEqual(before);

    // A version older than the one applied, seen for the first time, is not applied.
    const late = changeOrderData(quote.quoteId, { valueDelta: '0', milestonesAdded: undefined, milestonesChanged: undefined });
    await approve({ ...late, version: 2 });
    const counts = await rowCounts();
    expect((await approve(late)).outcome).toMatchObject({ status: 'ignored', note: expect.stringMatching(/v1 is older than the applied v2: superseded, not applied/) });
    expect(await rowCounts()).toEqual(counts);
  });

  it('holds: a milestone the engagement does not have, fixed-fee milestones that no longer sum to the value', async () => {
    const quote = await accepted();
    const unknown = changeOrderData(quote.quoteId, { milestonesAdded: [], milestonesChanged: [{ ref: 'M9', dueDate: '2026-12-01' }], valueDelta: '0' });
    expect(await heldBy(unknown)).toMatchObject({ code: 'UNKNOWN_MILESTONE', entityType: 'ChangeOrder', entityId: unknown.changeOrderId, title: expect.stringMatching(/milestone M9 is not on the engagement/) });
    const mismatch = changeOrderData(quote.quoteId, { milestonesAdded: [], milestonesChanged: [] });
    expect(await heldBy(mismatch)).toMatchObject({ code: 'MILESTONE_VALUE_MISMATCH', impact: { amount: '25000', currency: 'USD' }, details: { milestonesTotal: '250000', contractValue: '275000' } });
  });

  it('T&M: value, estimate and budget hours move; no milestones needed', async () => {
    const quote = await accepted(tmQuote());
    await approve(changeOrderData(quote.quoteId, { valueDelta: '9000', estimatedCostDelta: '5000', budgetHoursDelta: '20', milestonesAdded: undefined, milestonesChanged: undefined }));
    const engagement = await engagementOfQuote(crm.code, quote.quoteId);
    expect([engagement.value.toString(), engagement.estimatedCost?.toString(), engagement.budgetHours?.toString()]).toEqual(['59000', '45000', '240.5']);
    expect(engagement.milestones).toEqual([]);
  });

  it('a newer quote version is the new baseline; approved change orders stay on top of it', async () => {
    const quote = await accepted();
    await approve(changeOrderData(quote.quoteId));
    const v4 = { ...quote, quoteVersion: 4, acceptedAt: '2026-07-01T10:00:00Z', lines: [{ ...quote.lines[0]!, unitPrice: '300000' }], milestones: [quote.milestones![0]!, { ...quote.milestones![1]!, amount: '200000' }] };
    const event = await storedEvent(QUOTE_ACCEPTED_V1, crm, v4);
    expect(await handle(quoteAcceptedWorkflow, event, crm)).toMatchObject({ note: expect.stringMatching(/v4 supersedes v3: ENG-US01-\d+ value 275000 → 325000 USD, SOW version 3\./) });
    const engagement = await engagementOfQuote(crm.code, quote.quoteId);
    expect(milestones(engagement).map((m) => m.slice(0, 2))).toEqual([['M1', '100000'], ['M2', '200000'], ['M3', '25000']]);
    const versions = await db().quoteVersion.findMany({ where: { quoteId: engagement.quoteId! }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.status])).toEqual([[3, 'SUPERSEDED'], [4, 'ACCEPTED']]);
    expect(await db().outboxCommand.count({ where: { kind: 'UPDATE_CONTRACT', entityId: engagement.id } })).toBe(2);
    const before = await rowCounts();
    await handle(quoteAcceptedWorkflow, event, crm);
    expect(await rowCounts()).toEqual(before);
  });
});
