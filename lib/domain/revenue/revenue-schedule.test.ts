import { describe, expect, it } from 'vitest';
import { buildRevenueSchedule, type RevenueFacts } from './revenue-schedule.ts';

const time = [{ id: 'tt-1', workDate: '2026-01-05', billable: true, approvedOn: '2026-01-06', amount: '999' }];
const expenses = [{ id: 'ex-1', incurredOn: '2026-01-09', billable: true, approvedOn: '2026-01-10', amount: '50' }];
const base = { engagementId: 'eng-1', currency: 'USD', time, expenses };
const poc = { contractValues: [{ on: '2026-01-01', amount: '1000' }], estimatedTotalCosts: [{ on: '2026-01-01', amount: '800' }], costs: [{ on: '2026-01-20', amount: '200' }] };
const retainer = { terms: { startMonth: '2026-01', months: 12, monthlyFee: '500', includedUnits: '10', overageRate: '5' }, usage: [] };

describe('buildRevenueSchedule', () => {
  it.each<[string, RevenueFacts, string[]]>([
    ['fixed fee: POC and expenses; time is cost', { ...base, model: 'FIXED_FEE_MILESTONE', percentComplete: poc }, ['POC:2026-01', 'EXPENSE:ex-1']],
    ['T&M: time and expenses', { ...base, model: 'TIME_AND_MATERIALS' }, ['TIME:tt-1', 'EXPENSE:ex-1']],
    ['retainer: fee and expenses; time is cost', { ...base, model: 'RETAINER_WITH_OVERAGE', retainer }, ['FEE:2026-01', 'EXPENSE:ex-1']],
  ])('%s', (_name, facts, units) => {
    expect(buildRevenueSchedule({ asOf: '2026-01-31', facts }).targets.map((t) => `${t.unit.type}:${t.unit.ref}`)).toEqual(units);
  });

  it('refuses a model without the facts it needs', () => {
    expect(() => buildRevenueSchedule({ asOf: '2026-01-31', facts: { ...base, model: 'FIXED_FEE_MILESTONE' } })).toThrow(/percentage-of-completion facts/);
    expect(() => buildRevenueSchedule({ asOf: '2026-01-31', facts: { ...base, model: 'RETAINER_WITH_OVERAGE' } })).toThrow(/retainer terms/);
    expect(() => buildRevenueSchedule({ asOf: '2026-01-31', facts: { ...base, currency: 'XYZ', model: 'TIME_AND_MATERIALS' } })).toThrow(/Unknown currency/);
    expect(() => buildRevenueSchedule({ asOf: '2026-1-31', facts: { ...base, model: 'TIME_AND_MATERIALS' } })).toThrow(/asOf/);
  });
});
