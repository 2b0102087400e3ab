import { describe, expect, it } from 'vitest';
import { billMilestones } from './bill-milestones.ts';
import type { MilestoneInput } from './is-milestone-billable.ts';

const DIGEST = 'b'.repeat(64);
const ms = (over: Partial<MilestoneInput> & Pick<MilestoneInput, 'id' | 'ref'>): MilestoneInput => ({
  name: `Phase ${over.ref}`,
  amount: '100000.0000',
  currency: 'USD',
  status: 'BILLABLE',
  completedOn: '2026-05-28',
  approvedBy: 'pm@example.com',
  evidence: [{ sha256: DIGEST }],
  invoiceLineId: null,
  sku: 'FF-TRANSFORM',
  ...over,
});

describe('billMilestones: one invoice per run, one line per billable milestone', () => {
  const milestones = [
    ms({ id: 'm2', ref: 'M2', sortOrder: 2, amount: '150000', completedOn: '2026-06-10', billableOn: '2026-06-12' }),
    ms({ id: 'm1', ref: 'M1', sortOrder: 1, completedOn: '2026-05-28', billableOn: '2026-05-29' }),
    ms({ id: 'm3', ref: 'M3', sortOrder: 3, completedOn: '2026-07-01' }), // after asOf
    ms({ id: 'm4', ref: 'M4', sortOrder: 4, evidence: [] }),
    ms({ id: 'm5', ref: 'M5', sortOrder: 5, approvedBy: null }),
    ms({ id: 'm6', ref: 'M6', sortOrder: 6, invoiceLineId: 'line-1' }), // already invoiced
    ms({ id: 'm7', ref: 'M7', sortOrder: 7, status: 'PLANNED', completedOn: null, evidence: [] }), // not done: not reported
    ms({ id: 'm8', ref: 'M8', sortOrder: 8, status: 'CANCELLED' }),
  ];

  it('bills what is billable and reports why the rest is not', () => {
    const result = billMilestones({ engagementId: 'eng-ff', currency: 'USD', asOf: '2026-06-30', milestones });
    expect(result.invoice).toMatchObject({ engagementId: 'eng-ff', currency: 'USD', billingPeriodKey: 'M1,M2', eligibleOn: '2026-05-29' });
    expect(result.invoice?.lines.map((l) => [l.kind, l.description, l.sku, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['MILESTONE', 'Milestone M1: Phase M1', 'FF-TRANSFORM', '1', '100000', '100000.00'],
      ['MILESTONE', 'Milestone M2: Phase M2', 'FF-TRANSFORM', '1', '150000', '150000.00'],
    ]);
    expect(result.invoice?.lines[0]?.sources).toEqual([expect.objectContaining({ kind: 'MILESTONE', billingKey: 'MILESTONE:m1', sourceId: 'm1', amount: '100000' })]);
    expect(result.notBillable).toEqual([
      { milestoneId: 'm4', ref: 'M4', reason: 'MILESTONE_MISSING_EVIDENCE', reasons: ['MILESTONE_MISSING_EVIDENCE'] },
      { milestoneId: 'm5', ref: 'M5', reason: 'MISSING_APPROVAL', reasons: ['MISSING_APPROVAL'] },
    ]);
    expect(result.held).toEqual([]);
  });

  it('nothing billable → no invoice', () => {
    expect(billMilestones({ engagementId: 'eng-ff', currency: 'USD', asOf: '2026-05-27', milestones }).invoice).toBeNull();
  });

  it('a JPY milestone is rounded to whole yen on the line, exact on the source', () => {
    const result = billMilestones({ engagementId: 'e', currency: 'JPY', asOf: '2026-06-30', milestones: [ms({ id: 'j', ref: 'J1', amount: '1250000.5', currency: 'JPY' })] });
    expect(result.invoice?.lines[0]).toMatchObject({ amount: '1250001', sources: [expect.objectContaining({ amount: '1250000.5' })] });
  });

  it('a milestone in another currency is held', () => {
    const result = billMilestones({ engagementId: 'e', currency: 'USD', asOf: '2026-06-30', milestones: [ms({ id: 'x', ref: 'X', currency: 'EUR' })] });
    expect(result.invoice).toBeNull();
    expect(result.held).toEqual([expect.objectContaining({ sourceKind: 'MILESTONE', sourceId: 'x', code: 'CURRENCY_MISMATCH' })]);
  });
});
