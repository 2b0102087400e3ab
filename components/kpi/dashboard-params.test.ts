import { describe, expect, it } from 'vitest';
import { parseDashboardParams, periodOptions } from './dashboard-params';

const parse = (query: string) => parseDashboardParams(new URLSearchParams(query), '2026-12-04');

describe('parseDashboardParams', () => {
  it('defaults to the last 90 days through today, every entity, USD', () => {
    const parsed = parse('');
    expect(parsed).toMatchObject({ ok: true, view: { kpiQuery: 'from=2026-09-06&to=2026-12-05', previousQuery: 'from=2026-06-08&to=2026-09-06', seriesQuery: 'to=2026-12-05', dashboardQuery: '' } });
  });

  it('a quarter with a legal entity and currency: the API query, the previous quarter and the shareable URL', () => {
    const parsed = parse('period=2026-Q3&legalEntity=gb01&currency=eur&from=ignored');
    expect(parsed).toMatchObject({
      ok: true,
      view: {
        kpiQuery: 'from=2026-07-01&to=2026-10-01&legalEntityCode=GB01&currency=EUR',
        previousQuery: 'from=2026-04-01&to=2026-07-01&legalEntityCode=GB01&currency=EUR',
        seriesQuery: 'to=2026-10-01&legalEntityCode=GB01&currency=EUR',
        dashboardQuery: 'period=2026-Q3&legalEntity=GB01&currency=EUR',
      },
    });
  });

  it('custom days are inclusive; a region passes through', () => {
    expect(parse('period=custom&from=2026-01-15&through=2026-02-14&region=EMEA')).toMatchObject({
      ok: true,
      view: { kpiQuery: 'from=2026-01-15&to=2026-02-15&region=EMEA', previousQuery: 'from=2025-12-15&to=2026-01-15&region=EMEA', dashboardQuery: 'period=custom&from=2026-01-15&through=2026-02-14&region=EMEA' },
    });
  });

  it.each([
    ['period=someday', '"someday" is not a period: choose one from the list.'],
    ['period=custom&from=2026-02-01', 'A custom period needs a first and a last day (the last on or after the first).'],
    ['period=custom&from=2026-02-01&through=2026-01-01', 'A custom period needs a first and a last day (the last on or after the first).'],
    ['currency=XYZ', '"XYZ" is not a currency code.'],
    ['legalEntity=US-01', '"US-01" is not a legal entity code.'],
  ])('%s → a readable refusal', (query, message) => {
    expect(parse(query)).toEqual({ ok: false, message });
  });
});

describe('periodOptions', () => {
  it('offers presets relative to today, and keeps a shared URL\'s other period', () => {
    const options = periodOptions('2026-02-10', 'last-90-days');
    expect(options.map((o) => o.value)).toEqual(['last-90-days', '2026-02', '2026-01', '2026-Q1', '2025-Q4', '2026', '2025', 'custom']);
    expect(options[4]!.label).toBe('Last quarter (Q4 2025)');
    expect(periodOptions('2026-02-10', '2024-Q2').map((o) => o.value)).toContain('2024-Q2');
  });
});
