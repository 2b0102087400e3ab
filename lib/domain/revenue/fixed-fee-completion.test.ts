import { describe, expect, it } from 'vitest';
import { fixedFeeCompletedOn, type MilestoneCompletionInput } from './fixed-fee-completion.ts';

const billable = (on: string): MilestoneCompletionInput => ({ status: 'BILLABLE', billableOn: on });
const invoiced = (on: string): MilestoneCompletionInput => ({ status: 'INVOICED', billableOn: on });
const open: MilestoneCompletionInput = { status: 'COMPLETED', billableOn: null }; // waiting for evidence
const cancelled: MilestoneCompletionInput = { status: 'CANCELLED', billableOn: null };

describe('fixedFeeCompletedOn', () => {
  it.each([
    { name: 'every milestone delivered: the last one', milestones: [invoiced('2026-02-10'), billable('2026-05-03')], closedOn: null, expected: '2026-05-03' },
    { name: 'one still waiting: not complete', milestones: [invoiced('2026-02-10'), open], closedOn: null, expected: null },
    { name: 'cancelled milestones do not count', milestones: [invoiced('2026-02-10'), cancelled], closedOn: null, expected: '2026-02-10' },
    { name: 'closing the engagement completes it', milestones: [open], closedOn: '2026-06-30', expected: '2026-06-30' },
    { name: 'the earlier of delivery and close', milestones: [billable('2026-05-03')], closedOn: '2026-06-30', expected: '2026-05-03' },
    { name: 'no milestones and open: not complete', milestones: [], closedOn: null, expected: null },
  ])('$name', ({ milestones, closedOn, expected }) => {
    expect(fixedFeeCompletedOn({ milestones, closedOn })).toBe(expected);
  });
});
