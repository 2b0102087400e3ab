import { describe, expect, it } from 'vitest';
import { dec, sum } from '../money/decimal.ts';
import { measurePercentComplete, percentCompleteTargets, type PercentCompleteFacts } from './poc.ts';

const money = (value: { toFixed(dp: number): string }, dp = 2) => value.toFixed(dp);

/** Runs measurements in order, each starting from the previous cumulative. */
function chain(currency: string, steps: { value: string; cost: string; estimate: string | null; complete?: boolean }[]) {
  let recognized = dec(0);
  return steps.map((step) => {
    const m = measurePercentComplete({
      contractValue: step.value,
      costToDate: step.cost,
      estimatedTotalCost: step.estimate,
      complete: step.complete,
      recognizedToDate: recognized,
      currency,
    });
    recognized = m.cumulativeRevenue;
    return m;
  });
}

describe('measurePercentComplete — worked examples', () => {
  it('Hardhat Construction (Kieso, Weygandt & Warfield, Intermediate Accounting, ch. 18)', () => {
    // Figures as cited in the brief from Kieso's "Hardhat Construction" example (the book
    // was not available here to check): contract price $4,500,000; costs to date $1,000,000 /
    // $2,916,000 / $4,050,000; estimated costs to complete $3,000,000 / $1,134,000 / 0.
    // Recomputed: 1,000,000 ÷ 4,000,000 = 25%; 2,916,000 ÷ 4,050,000 = 72%; 100% — revenue
    // per year $1,125,000 / $2,115,000 / $1,260,000, every figure reproduced exactly.
    const [y1, y2, y3] = chain('USD', [
      { value: '4500000', cost: '1000000', estimate: '4000000' },
      { value: '4500000', cost: '2916000', estimate: '4050000' },
      { value: '4500000', cost: '4050000', estimate: '4050000', complete: true },
    ]);
    expect([y1!.percentComplete?.toString(), y2!.percentComplete?.toString(), y3!.percentComplete?.toString()]).toEqual(['0.25', '0.72', '1']);
    expect([y1, y2, y3].map((m) => money(m!.periodRevenue))).toEqual(['1125000.00', '2115000.00', '1260000.00']);
    expect(money(y2!.cumulativeRevenue)).toBe('3240000.00');
    expect([y1, y2, y3].every((m) => !m!.lossContract)).toBe(true);
  });

  it('Howard Construction (published problem and solution, brainmass.com "Percentage of Completion Method for a Bridge")', () => {
    // $3,000,000 bridge; 2004 costs $990,000, estimated costs to complete $810,000 → 55% → $1,650,000.
    const [y1] = chain('USD', [{ value: '3000000', cost: '990000', estimate: '1800000' }]);
    expect(y1!.percentComplete?.toString()).toBe('0.55');
    expect(money(y1!.periodRevenue)).toBe('1650000.00');
  });

  it('Quality Construction Company: a change order lowers the contract value (problem data published, answers ours)', () => {
    // Problem as published (ibeehomeworksolutions.com / brainmass.com, "Percentage of Completion
    // Accounting"): bid $7,000,000, estimated cost $6,000,000; price adjusted down to $6,700,000
    // at the start of year 2; costs 2,500,000 / 3,300,000 / 410,000; estimated cost to complete
    // 3,500,000 / 400,000 / 0. The pages give no answer: these revenue figures are our
    // computation by the method, rounded at the cent on the cumulative.
    const steps = chain('USD', [
      { value: '7000000', cost: '2500000', estimate: '6000000' }, // 41.666…% → 2,916,666.666…
      { value: '6700000', cost: '5800000', estimate: '6200000' }, // 93.548…% of the new price → 6,267,741.935…
      { value: '6700000', cost: '6210000', estimate: '6210000', complete: true },
    ]);
    expect(steps.map((m) => money(m.cumulativeRevenue))).toEqual(['2916666.67', '6267741.94', '6700000.00']);
    expect(steps.map((m) => money(m.periodRevenue))).toEqual(['2916666.67', '3351075.27', '432258.06']);
    expect(money(sum(steps.map((m) => m.periodRevenue)))).toBe('6700000.00');
  });

  it('loss contract: recognised by POC, expected loss flagged (constructed from the Hardhat data)', () => {
    // Constructed, not quoted: Hardhat's year 2 with the estimate to complete revised to
    // 1,640,250, so the estimated total cost 4,556,250 exceeds the 4,500,000 price.
    // 2,916,000 ÷ 4,556,250 = 64% exactly → cumulative 2,880,000, year 2 revenue 1,755,000.
    const [, y2] = chain('USD', [
      { value: '4500000', cost: '1000000', estimate: '4000000' },
      { value: '4500000', cost: '2916000', estimate: '4556250' },
    ]);
    expect(y2!.percentComplete?.toString()).toBe('0.64');
    expect(money(y2!.periodRevenue)).toBe('1755000.00');
    expect(y2!.lossContract).toBe(true);
    expect(money(y2!.expectedLoss)).toBe('56250.00');
  });

  it('an estimate revision that lowers progress gives negative period revenue (constructed)', () => {
    // Constructed by the method: 25% after year 1; in year 2 the estimate jumps to 6,000,000
    // with 1,200,000 spent → 20%, cumulative 900,000: a catch-up of −225,000 in year 2.
    const [, y2] = chain('USD', [
      { value: '4500000', cost: '1000000', estimate: '4000000' },
      { value: '4500000', cost: '1200000', estimate: '6000000' },
    ]);
    expect(y2!.percentComplete?.toString()).toBe('0.2');
    expect(money(y2!.periodRevenue)).toBe('-225000.00');
  });
});

describe('measurePercentComplete — behaviour', () => {
  it.each([
    { name: 'thirds in USD', currency: 'USD', value: '100', dp: 2, expected: ['33.33', '33.34', '33.33'] },
    { name: 'thirds in JPY (no minor unit)', currency: 'JPY', value: '1000000', dp: 0, expected: ['333333', '333334', '333333'] },
    { name: 'thirds in KWD (3 decimals)', currency: 'KWD', value: '10', dp: 3, expected: ['3.333', '3.334', '3.333'] },
  ])('$name: rounded on the cumulative, the periods sum to the value', ({ currency, value, dp, expected }) => {
    const steps = chain(currency, [
      { value, cost: '1', estimate: '3' },
      { value, cost: '2', estimate: '3' },
      { value, cost: '3', estimate: '3', complete: true },
    ]);
    expect(steps.map((m) => money(m.periodRevenue, dp))).toEqual(expected);
    expect(money(sum(steps.map((m) => m.periodRevenue)), dp)).toBe(money(dec(value), dp));
  });

  it('half a cent rounds up, and the other half comes at completion', () => {
    const steps = chain('USD', [
      { value: '100.01', cost: '1', estimate: '2' }, // 50.005
      { value: '100.01', cost: '2', estimate: '2', complete: true },
    ]);
    expect(steps.map((m) => money(m.periodRevenue))).toEqual(['50.01', '50.00']);
  });

  it('cost above the estimate before completion holds progress until the estimate is revised', () => {
    const [, held, revised] = chain('USD', [
      { value: '4500000', cost: '1000000', estimate: '4000000' },
      { value: '4500000', cost: '4200000', estimate: '4000000' },
      { value: '4500000', cost: '4200000', estimate: '5000000' },
    ]);
    expect(held!.status).toBe('ESTIMATE_EXCEEDED');
    expect(held!.percentComplete).toBeNull();
    expect(money(held!.cumulativeRevenue)).toBe('1125000.00');
    expect(money(held!.periodRevenue)).toBe('0.00');
    expect(held!.lossContract).toBe(false); // 4,200,000 spent of a 4,500,000 price: not (yet) a loss
    expect(revised!.status).toBe('IN_PROGRESS');
    expect(money(revised!.periodRevenue)).toBe('2655000.00'); // 84% → 3,780,000 − 1,125,000
  });

  it('cost above the contract value is a loss even while the estimate is stale', () => {
    const m = measurePercentComplete({ contractValue: '100', costToDate: '130', estimatedTotalCost: '90', recognizedToDate: '50', currency: 'USD' });
    expect(m.status).toBe('ESTIMATE_EXCEEDED');
    expect(m.lossContract).toBe(true);
    expect(money(m.expectedLoss)).toBe('30.00');
  });

  it('without an estimate nothing new is earned', () => {
    const m = measurePercentComplete({ contractValue: '1000', costToDate: '10', estimatedTotalCost: null, recognizedToDate: '0', currency: 'USD' });
    expect(m.status).toBe('NO_ESTIMATE');
    expect(money(m.periodRevenue)).toBe('0.00');
  });

  it('a value cut below what is recognised comes back even while held', () => {
    const m = measurePercentComplete({ contractValue: '800', costToDate: '950', estimatedTotalCost: '900', recognizedToDate: '900', currency: 'USD' });
    expect(money(m.cumulativeRevenue)).toBe('800.00');
    expect(money(m.periodRevenue)).toBe('-100.00');
  });

  it('completion recognises the whole value whatever the costs say', () => {
    const m = measurePercentComplete({ contractValue: '1000', costToDate: '300', estimatedTotalCost: '900', complete: true, recognizedToDate: '333.33', currency: 'USD' });
    expect(m.status).toBe('COMPLETE');
    expect(money(m.periodRevenue)).toBe('666.67');
  });

  it('refuses negative figures and unknown currencies', () => {
    const base = { contractValue: '1', costToDate: '0', estimatedTotalCost: '1', recognizedToDate: '0', currency: 'USD' };
    expect(() => measurePercentComplete({ ...base, contractValue: '-1' })).toThrow(RangeError);
    expect(() => measurePercentComplete({ ...base, costToDate: '-1' })).toThrow(RangeError);
    expect(() => measurePercentComplete({ ...base, currency: 'XYZ' })).toThrow(/Unknown currency/);
  });
});

describe('percentCompleteTargets', () => {
  it('Hardhat as dated facts: revenue lands in the month of each measurement', () => {
    const facts: PercentCompleteFacts = {
      contractValues: [{ on: '2017-07-01', amount: '4500000' }],
      estimatedTotalCosts: [
        { on: '2017-07-01', amount: '4000000' },
        { on: '2018-12-31', amount: '4050000' },
      ],
      costs: [
        { on: '2017-12-31', amount: '1000000' },
        { on: '2018-12-31', amount: '1916000' },
        { on: '2019-10-31', amount: '1134000' },
      ],
      completedOn: '2019-10-31',
    };
    const { targets, flags } = percentCompleteTargets({ asOf: '2019-12-31', currency: 'USD', facts });
    const nonZero = targets.filter((t) => !t.amount.isZero()).map((t) => [t.period, money(t.amount)]);
    expect(nonZero).toEqual([
      ['2017-12', '1125000.00'],
      ['2018-12', '2115000.00'],
      ['2019-10', '1260000.00'],
    ]);
    expect(targets[0]!.period).toBe('2017-07');
    expect(targets.at(-1)!.period).toBe('2019-12');
    expect(flags).toEqual([]);
  });

  it.each([
    { currency: 'USD', value: '250000.00', dp: 2 },
    { currency: 'JPY', value: '25000000', dp: 0 },
  ])('a year of monthly periods sums exactly to the contract value ($currency)', ({ currency, value, dp }) => {
    // Uneven monthly costs against an estimate of 3 × 37 × 163 units: most months are
    // fractions with repeating decimals, so most cumulatives round.
    const monthlyCosts = ['777', '1554', '2331', '999', '1221', '3108', '2664', '1887', '777', '1443', '111', '1221'];
    const facts: PercentCompleteFacts = {
      contractValues: [{ on: '2026-01-01', amount: value }],
      estimatedTotalCosts: [{ on: '2026-01-01', amount: sum(monthlyCosts).toString() }], // 18,093
      costs: monthlyCosts.map((amount, i) => ({ on: `2026-${String(i + 1).padStart(2, '0')}-28`, amount })),
    };
    const { targets } = percentCompleteTargets({ asOf: '2026-12-31', currency, facts });
    expect(targets).toHaveLength(12);
    expect(targets.every((t) => t.amount.decimalPlaces() <= dp)).toBe(true);
    expect(targets.some((t) => !dec(t.poc!.percentComplete!).times(value).eq(t.poc!.cumulativeRevenue))).toBe(true); // rounding did happen
    expect(money(sum(targets.map((t) => t.amount)), dp)).toBe(money(dec(value), dp));
  });

  it('a change order is a cumulative catch-up in its month; earlier months stay as they were', () => {
    const before: PercentCompleteFacts = {
      contractValues: [{ on: '2026-01-01', amount: '120000' }],
      estimatedTotalCosts: [{ on: '2026-01-01', amount: '100000' }],
      costs: ['01', '02', '03', '04'].map((m) => ({ on: `2026-${m}-20`, amount: '10000' })),
    };
    const after: PercentCompleteFacts = {
      ...before,
      contractValues: [...before.contractValues, { on: '2026-04-15', amount: '150000' }],
      estimatedTotalCosts: [...before.estimatedTotalCosts, { on: '2026-04-15', amount: '120000' }],
    };
    const run = (facts: PercentCompleteFacts) => percentCompleteTargets({ asOf: '2026-04-30', currency: 'USD', facts }).targets.map((t) => money(t.amount));
    expect(run(before)).toEqual(['12000.00', '12000.00', '12000.00', '12000.00']);
    // April: 150,000 × 40,000 ÷ 120,000 = 50,000 cumulative − 36,000 → 14,000.
    expect(run(after)).toEqual(['12000.00', '12000.00', '12000.00', '14000.00']);
  });

  it('measures the running month through asOf, and flags the latest measurement', () => {
    const facts: PercentCompleteFacts = {
      contractValues: [{ on: '2026-03-01', amount: '1000' }],
      estimatedTotalCosts: [{ on: '2026-03-01', amount: '1200' }],
      costs: [
        { on: '2026-03-10', amount: '300' },
        { on: '2026-03-20', amount: '300' },
      ],
    };
    const mid = percentCompleteTargets({ asOf: '2026-03-15', currency: 'USD', facts });
    expect(mid.targets.map((t) => [t.period, money(t.amount), t.eligibleOn])).toEqual([['2026-03', '250.00', '2026-03-15']]);
    expect(mid.flags.map((f) => (f.code === 'LOSS_CONTRACT' ? [f.code, f.period, money(f.expectedLoss)] : [f.code]))).toEqual([['LOSS_CONTRACT', '2026-03', '200.00']]);
    const end = percentCompleteTargets({ asOf: '2026-03-31', currency: 'USD', facts });
    expect(money(end.targets[0]!.amount)).toBe('500.00');
  });

  it('has nothing to say before the first fact', () => {
    const facts: PercentCompleteFacts = { contractValues: [{ on: '2026-05-01', amount: '1' }], estimatedTotalCosts: [], costs: [] };
    expect(percentCompleteTargets({ asOf: '2026-04-30', currency: 'USD', facts })).toEqual({ targets: [], flags: [] });
  });
});
