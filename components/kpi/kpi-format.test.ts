import { describe, expect, it } from 'vitest';
import { compareKpi, formatKpiValue, plotValue } from './kpi-format';

describe('formatKpiValue', () => {
  it.each([
    ['1685.5', 'money', 'USD', '1,685.50 USD'],
    ['1234567.891', 'money', 'GBP', '1,234,567.891 GBP'],
    ['0.333333', 'ratio', undefined, '33.3%'],
    ['1', 'ratio', undefined, '100%'],
    ['0.875', 'ratio', undefined, '87.5%'],
    ['57.962', 'days', undefined, '58.0 days'],
    ['1234.25', 'hours', undefined, '1,234.3 h'],
    ['380', 'ms', undefined, '380 ms'],
    ['2400', 'ms', undefined, '2.4 s'],
    ['12345', 'count', undefined, '12,345'],
    ['0.000000385802', 'events_per_second', undefined, '0.0000231/min'],
    ['2.5', 'events_per_second', undefined, '150/min'],
  ] as const)('%s %s → %s', (value, unit, currency, shown) => {
    expect(formatKpiValue(value, unit, currency)).toBe(shown);
  });
  it('shows "—" for no value', () => expect(formatKpiValue(null, 'ratio')).toBe('—'));
});

describe('compareKpi', () => {
  it('DSO going up is worse; the delta is in days', () => {
    expect(compareKpi('dso', '61.25', '57.5', 'days')).toEqual({ trend: 'up', verdict: 'worse', delta: '+3.8 days', sentence: 'up 3.8 days from 57.5 days' });
  });
  it('billed going up is better; money differences are exact', () => {
    expect(compareKpi('billedAndCollected', '1000.10', '999.90', 'money', 'USD')).toMatchObject({ trend: 'up', verdict: 'better', delta: '+0.20 USD' });
  });
  it('ratios move in percentage points', () => {
    expect(compareKpi('invoiceTimeliness', '0.5', '0.75', 'ratio')).toMatchObject({ trend: 'down', verdict: 'worse', delta: '−25 pts', sentence: 'down 25 pts from 75%' });
  });
  it('unchanged, and "—" on either side', () => {
    expect(compareKpi('backlog', '3', '3', 'count')).toMatchObject({ trend: 'flat', verdict: 'same', delta: '±0', sentence: 'unchanged from 3' });
    expect(compareKpi('dso', null, '3', 'days')).toMatchObject({ verdict: 'unknown', delta: null, sentence: 'previous period 3.0 days' });
    expect(compareKpi('dso', '3', null, 'days')).toMatchObject({ verdict: 'unknown', sentence: 'previous period —' });
  });
});

describe('plotValue', () => {
  it('plots ratios as percentages and "—" as a gap', () => {
    expect(plotValue('0.5', 'ratio')).toBe(50);
    expect(plotValue('12.5', 'days')).toBe(12.5);
    expect(plotValue(null, 'days')).toBeNull();
  });
});
