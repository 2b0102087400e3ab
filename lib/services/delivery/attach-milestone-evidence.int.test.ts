// A delivery lead attaches evidence to a completed milestone: with PM approval already
// given it becomes billable and MILESTONE_MISSING_EVIDENCE is resolved, exactly as when the
// PSA sends the evidence; without approval it keeps waiting. Audited with the person.
import { describe, expect, it } from 'vitest';
import { createEngagement, deliver, deliveryConnectors } from '../../../test/fixtures/billing.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { db } from '../../db/client.ts';
import { milestoneCompletedWorkflow } from '../../workflows/milestone-completed.ts';
import { attachMilestoneEvidence } from './attach-milestone-evidence.ts';

const now = new Date('2026-06-01T10:00:00Z');
const sha = (c: string) => c.repeat(64);

async function completed(options: { approvedBy?: string }) {
  const { psa } = await deliveryConnectors();
  const engagement = await createEngagement({ model: 'FIXED_FEE_MILESTONE', milestones: [{ ref: 'M1', name: 'Design', amount: '25000' }] });
  await deliver(milestoneCompletedWorkflow, psa, { engagementRef: engagement.code, milestoneRef: 'M1', completedAt: '2026-05-28T12:00:00Z', ...(options.approvedBy ? { approvedBy: options.approvedBy } : {}) });
  const milestone = engagement.milestones[0]!;
  const delivery = await createPerson('DELIVERY');
  const exception = () => db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'MILESTONE_MISSING_EVIDENCE', entityType: 'Milestone', entityId: milestone.id } } });
  return { engagement, milestone, delivery, exception };
}

describe('attachMilestoneEvidence', () => {
  it('approved but unevidenced → billable; the exception is resolved by the person; repeat is already done', async () => {
    const { milestone, delivery, exception } = await completed({ approvedBy: 'pm@example.com' });
    expect((await exception()).status).toBe('OPEN');
    const result = await attachMilestoneEvidence({ milestoneId: milestone.id, uri: ' https://docs.example.com/signoff.pdf ', sha256: sha('A'), actor: { userId: delivery.user.id }, now });
    expect(result).toEqual({ milestoneId: milestone.id, status: 'BILLABLE', billable: true, alreadyAttached: false, missing: [], evidenceCount: 1 });

    const row = await db().milestone.findUniqueOrThrow({ where: { id: milestone.id }, include: { evidence: true } });
    expect({ status: row.status, billableAt: row.billableAt, evidence: row.evidence.map((e) => [e.uri, e.sha256]) }).toEqual({ status: 'BILLABLE', billableAt: now, evidence: [['https://docs.example.com/signoff.pdf', sha('a')]] });
    expect(await exception()).toMatchObject({ status: 'RESOLVED' });
    expect(await db().auditRecord.count({ where: { entityId: milestone.id, action: 'milestone.billable', actorType: 'USER', actorId: delivery.user.id } })).toBe(1);

    const again = await attachMilestoneEvidence({ milestoneId: milestone.id, uri: 'https://elsewhere', sha256: sha('a'), actor: { userId: delivery.user.id }, now });
    expect(again).toMatchObject({ alreadyAttached: true, status: 'BILLABLE', evidenceCount: 1 });
  });

  it('without PM approval the milestone keeps waiting and says for what', async () => {
    const { milestone, delivery, exception } = await completed({});
    const result = await attachMilestoneEvidence({ milestoneId: milestone.id, uri: 'https://docs.example.com/a.pdf', sha256: sha('b'), actor: { userId: delivery.user.id }, now });
    expect(result).toMatchObject({ status: 'COMPLETED', billable: false, missing: ['MISSING_APPROVAL'] });
    expect(await exception()).toMatchObject({ status: 'OPEN', details: expect.objectContaining({ missing: ['MISSING_APPROVAL'] }) });
  });

  it('refuses a planned milestone and an unknown one', async () => {
    const engagement = await createEngagement({ model: 'FIXED_FEE_MILESTONE', milestones: [{ ref: 'M1', name: 'Design', amount: '25000' }] });
    const delivery = await createPerson('DELIVERY');
    const input = { milestoneId: engagement.milestones[0]!.id, uri: 'https://x', sha256: sha('c'), actor: { userId: delivery.user.id }, now };
    await expect(attachMilestoneEvidence(input)).rejects.toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringContaining('not completed yet') });
    await expect(attachMilestoneEvidence({ ...input, milestoneId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db().milestoneEvidence.count({ where: { milestoneId: input.milestoneId } })).toBe(0);
  });
});
