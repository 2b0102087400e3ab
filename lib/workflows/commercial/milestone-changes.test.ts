import { describe, expect, it } from 'vitest';
import { planMilestoneChanges, type CurrentMilestone } from './milestone-changes.ts';

const m = (ref: string, amount: string, extra: Partial<CurrentMilestone> = {}): CurrentMilestone => ({ id: `id-${ref}`, ref, name: ref, amount, dueDate: '2026-05-31', status: 'PLANNED', invoiced: false, ...extra });
const current = [m('M1', '100000'), m('M2', '150000')];

describe('planMilestoneChanges', () => {
  it('adds, changes and totals', () => {
    const result = planMilestoneChanges({ current, added: [{ ref: 'M3', name: 'Hypercare', amount: '25000', dueDate: '2026-10-31' }], changed: [{ ref: 'M2', dueDate: '2026-10-15' }] });
    expect(result).toMatchObject({
      ok: true,
      plan: {
        create: [{ ref: 'M3', amount: '25000' }],
        update: [{ ref: 'M2', before: { dueDate: '2026-05-31' }, after: { dueDate: '2026-10-15', amount: '150000' } }],
        cancel: [],
        activeTotal: '275000',
      },
    });
  });

  it('a change that changes nothing is no update', () => {
    expect(planMilestoneChanges({ current, changed: [{ ref: 'M1', amount: '100000.00' }] })).toMatchObject({ ok: true, plan: { update: [], activeTotal: '250000' } });
  });

  it('cancels, and revives a cancelled milestone that is added again', () => {
    const cancelled = planMilestoneChanges({ current, cancelRefs: ['M2'] });
    expect(cancelled).toMatchObject({ ok: true, plan: { cancel: [{ ref: 'M2', amount: '150000' }], activeTotal: '100000' } });
    const revived = planMilestoneChanges({ current: [m('M1', '1'), m('M2', '2', { status: 'CANCELLED' })], added: [{ ref: 'M2', name: 'again', amount: '5', dueDate: null }] });
    expect(revived).toMatchObject({ ok: true, plan: { update: [{ ref: 'M2', after: { status: 'PLANNED', amount: '5' } }], activeTotal: '6' } });
  });

  it('refuses changes to unknown milestones and re-pricing invoiced ones', () => {
    expect(planMilestoneChanges({ current, changed: [{ ref: 'M9', amount: '1' }] })).toMatchObject({ ok: false, code: 'UNKNOWN_MILESTONE', refs: ['M9'] });
    const invoiced = [m('M1', '100000', { invoiced: true, status: 'INVOICED' }), m('M2', '150000')];
    expect(planMilestoneChanges({ current: invoiced, changed: [{ ref: 'M1', amount: '90000' }] })).toMatchObject({ ok: false, code: 'MILESTONE_VALUE_MISMATCH', refs: ['M1'] });
    expect(planMilestoneChanges({ current: invoiced, cancelRefs: ['M1'] })).toMatchObject({ ok: false, code: 'MILESTONE_VALUE_MISMATCH' });
    // A new due date on an invoiced milestone moves no money.
    expect(planMilestoneChanges({ current: invoiced, changed: [{ ref: 'M1', dueDate: '2026-06-30' }] })).toMatchObject({ ok: true });
  });
});
