import { describe, expect, it } from 'vitest';
import type { FxLookup } from '../../domain/billing/convert-currency.ts';
import { buildEngagementFacts, figureHistories, type EngagementRevenueRows, type TimeRow } from './revenue-facts.ts';

const at = (day: string) => new Date(`${day}T12:00:00Z`);
const noRates: FxLookup = () => null;
const amounts = (dated: readonly { on: string; amount: unknown }[]) => dated.map((d) => [d.on, String(d.amount)]);

function rows(overrides: Partial<EngagementRevenueRows> = {}): EngagementRevenueRows {
  return {
    engagement: { id: 'eng-1', currency: 'USD', quoteAcceptedAt: at('2026-01-05'), startDate: null, createdAt: at('2026-01-06'), closedAt: null },
    plan: { model: 'FIXED_FEE_MILESTONE', contractValue: '120000', estimatedTotalCost: '80000', retainer: null },
    changeOrders: [],
    milestones: [],
    time: [],
    expenses: [],
    usage: [],
    ...overrides,
  };
}

const time = (t: Partial<TimeRow>): TimeRow => ({
  id: 'tt', workDate: at('2026-02-02'), billable: false, approvalStatus: 'APPROVED', approvedAt: at('2026-02-06'), amount: null, currency: 'USD',
  cost: '1000', costCurrency: 'USD', superseded: false, supersededAt: null, updatedAt: at('2026-02-06'), billedOn: null, ...t,
});

describe('figureHistories', () => {
  it('dates each change-order version on its approval; a newer version replaces its predecessor; the baseline is what remains', () => {
    const history = figureHistories(
      rows({
        plan: { model: 'FIXED_FEE_MILESTONE', contractValue: '120000', estimatedTotalCost: '90000', retainer: null },
        changeOrders: [
          { key: 'crm:CO-A', version: 2, valueDelta: '15000', estimatedCostDelta: '8000', approvedAt: at('2026-04-01') },
          { key: 'crm:CO-A', version: 1, valueDelta: '10000', estimatedCostDelta: '5000', approvedAt: at('2026-03-01') },
          { key: 'crm:CO-B', version: 1, valueDelta: '5000', estimatedCostDelta: '0', approvedAt: at('2026-05-01') },
        ],
      }),
    );
    expect(amounts(history.contractValues)).toEqual([['2026-01-05', '100000'], ['2026-03-01', '110000'], ['2026-04-01', '115000'], ['2026-05-01', '120000']]);
    expect(amounts(history.estimatedTotalCosts)).toEqual([['2026-01-05', '82000'], ['2026-03-01', '87000'], ['2026-04-01', '90000'], ['2026-05-01', '90000']]);
  });

  it('the baseline holds from the earliest fact, so no month is measured without a value; no estimate means none', () => {
    const history = figureHistories(rows({ plan: { model: 'FIXED_FEE_MILESTONE', contractValue: '50000', estimatedTotalCost: null, retainer: null } }), '2025-12-20');
    expect(amounts(history.contractValues)).toEqual([['2025-12-20', '50000']]);
    expect(history.estimatedTotalCosts).toEqual([]);
  });
});

describe('buildEngagementFacts', () => {
  it('fixed fee: cost from approval, taken out again on supersession; own expenses are cost, billable ones revenue; complete when every milestone is billable', () => {
    const result = buildEngagementFacts(
      rows({
        time: [time({ id: 'a', superseded: true, supersededAt: at('2026-03-10') }), time({ id: 'b', workDate: at('2026-02-20'), approvedAt: null, cost: '500' }), time({ id: 'c', approvalStatus: 'REJECTED' })],
        expenses: [
          { id: 'own', expenseDate: at('2026-02-10'), amount: '300', currency: 'USD', billable: false, approvalStatus: 'APPROVED', approvedAt: at('2026-02-12'), billedOn: null },
          { id: 'travel', expenseDate: at('2026-02-11'), amount: '200', currency: 'USD', billable: true, approvalStatus: 'APPROVED', approvedAt: at('2026-02-12'), billedOn: null },
        ],
        milestones: [{ status: 'BILLABLE', billableAt: at('2026-06-01') }, { status: 'INVOICED', billableAt: at('2026-06-15') }, { status: 'CANCELLED', billableAt: null }],
      }),
      noRates,
    );
    if (!result.ok) throw new Error(result.message);
    const poc = result.facts.percentComplete!;
    expect(amounts(poc.costs)).toEqual([['2026-02-06', '1000'], ['2026-03-10', '-1000'], ['2026-02-20', '500'], ['2026-02-12', '300']]);
    expect(poc.completedOn).toBe('2026-06-15');
    expect(result.facts.expenses!.map((e) => [e.id, e.approvedOn, String(e.amount)])).toEqual([['travel', '2026-02-12', '200']]);
  });

  it('fixed fee: a cost without an FX rate holds the engagement', () => {
    const result = buildEngagementFacts(rows({ time: [time({ costCurrency: 'JPY', cost: '150000' })] }), noRates);
    expect(result).toMatchObject({ ok: false, reason: 'FX_RATE_MISSING', fxGaps: [{ entityType: 'TimeTransaction', from: 'JPY', to: 'USD', date: '2026-02-02', amount: '150000' }] });
  });

  it('T&M: billable time with its approval and supersession dates; an unconvertible expense is left out and reported', () => {
    const result = buildEngagementFacts(
      rows({
        plan: { model: 'TIME_AND_MATERIALS', contractValue: '0', estimatedTotalCost: null, retainer: null },
        time: [time({ id: 'ok', billable: true, amount: '800', superseded: true, supersededAt: null, updatedAt: at('2026-03-03') }), time({ id: 'waiting', billable: true, amount: '500', approvalStatus: 'SUBMITTED', approvedAt: null })],
        expenses: [{ id: 'hotel', expenseDate: at('2026-02-11'), amount: '20000', currency: 'JPY', billable: true, approvalStatus: 'APPROVED', approvedAt: null, billedOn: null }],
      }),
      noRates,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.facts.time!.map((t) => [t.id, t.approvedOn, t.supersededOn])).toEqual([['ok', '2026-02-06', '2026-03-03'], ['waiting', null, null]]);
    expect(result.facts.expenses).toEqual([]);
    expect(result.fxGaps).toEqual([{ entityType: 'Expense', entityId: 'hotel', from: 'JPY', to: 'USD', date: '2026-02-11', amount: '20000' }]);
  });

  it('a retainer plan without its terms cannot be measured', () => {
    expect(buildEngagementFacts(rows({ plan: { model: 'RETAINER_WITH_OVERAGE', contractValue: '0', estimatedTotalCost: null, retainer: null } }), noRates)).toMatchObject({ ok: false, reason: 'FACTS_INCOMPLETE' });
  });
});
