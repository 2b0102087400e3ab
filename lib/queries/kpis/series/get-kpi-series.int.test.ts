// The monthly trends against the single-period KPIs on the hand-computed quarter: every
// point of every series equals GET /api/v1/kpis for that month — from live rows, after a
// rollup that stops mid-series (stored facts + live days), and after a full one; for every
// legal entity, one of them, and a reporting currency other than USD.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKpiQuarter } from '../../../../test/fixtures/kpis.ts';
import { rollUpKpis } from '../../../services/kpis/roll-up-kpis.ts';
import { kpiSeriesKeys, type KpiSeriesResponse } from '../../../http/schemas/kpi-series.ts';
import { getKpis } from '../get-kpis.ts';
import { getKpiSeries } from './get-kpi-series.ts';

const now = new Date('2026-06-01T00:00:00Z');
const to = new Date('2026-04-01T00:00:00Z');

/** What GET /api/v1/kpis answers, month by month, in the series' shape. */
type Filters = { legalEntityCode?: string; region?: string; currency?: string };

async function monthByMonth(series: KpiSeriesResponse, options: Filters) {
  const answers = await Promise.all(series.months.map((m) => getKpis({ from: new Date(m.from), to: new Date(m.to), ...options, now })));
  const headline = (key: string) => answers.map((a) => a.kpis.find((k) => k.key === key)!.value);
  return Object.fromEntries(
    kpiSeriesKeys.map((key) => [
      key,
      key === 'collected' ? answers.map((a) => (a.kpis.find((k) => k.key === 'billedAndCollected')!.breakdown as { collected: string }).collected) : headline(key),
    ]),
  );
}

async function expectSeriesMatchKpis(options: Filters = {}) {
  const series = await getKpiSeries({ to, months: 4, ...options, now });
  expect(series.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
  expect(series.series).toEqual(await monthByMonth(series, options));
  return series;
}

beforeAll(async () => {
  await buildKpiQuarter();
});

describe('getKpiSeries', () => {
  it('from live rows: each month equals the KPIs of that month, and the quarter has real figures', async () => {
    const series = await expectSeriesMatchKpis();
    // Not a vacuous match: the fixture's quarter has billing, DSO and activations in it.
    expect(series.series.billedAndCollected.some((v) => v !== null && v !== '0.00')).toBe(true);
    expect(series.series.dso.some((v) => v !== null)).toBe(true);
    expect(series.series.activationCycleTime.some((v) => v !== null)).toBe(true);
    expect(series.series.eventSuccessRate.some((v) => v !== null)).toBe(true);
  });

  it('one legal entity, a region and another reporting currency', async () => {
    const us = await expectSeriesMatchKpis({ legalEntityCode: 'US01' });
    const emea = await expectSeriesMatchKpis({ region: 'EMEA' });
    // A region is its legal entities: AMER is US01 alone; EMEA (GB01, DE01) bills what US01 does not.
    expect((await getKpiSeries({ to, months: 4, region: 'AMER', now })).series).toEqual(us.series);
    expect(emea.series.billedAndCollected).not.toEqual(us.series.billedAndCollected);
    const gbp = await expectSeriesMatchKpis({ currency: 'GBP' });
    expect(gbp.currency).toBe('GBP');
  });

  it('after a rollup that stops mid-series, and after a full one', async () => {
    await rollUpKpis({ now: new Date('2026-02-15T08:00:00Z'), full: true });
    await expectSeriesMatchKpis();
    await rollUpKpis({ now, full: true });
    await expectSeriesMatchKpis();
    await expectSeriesMatchKpis({ legalEntityCode: 'US01' });
  });

  it('ends the last month at `to` and defaults to 12 months through today', async () => {
    const series = await getKpiSeries({ to: new Date('2026-03-15T00:00:00Z'), months: 2, now });
    expect(series.months).toEqual([
      { month: '2026-02', from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
      { month: '2026-03', from: '2026-03-01T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z' },
    ]);
    const defaults = await getKpiSeries({ now });
    expect(defaults.months).toHaveLength(12);
    expect(defaults.months.at(-1)).toMatchObject({ month: '2026-06', to: '2026-06-02T00:00:00.000Z' });
  });
});

describe('the region filter', () => {
  it('refuses an unknown region and an entity outside the region, naming the parameter', async () => {
    await expect(getKpis({ region: 'MARS', now })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ parameter: 'region' }] } });
    await expect(getKpis({ region: 'EMEA', legalEntityCode: 'US01', now })).rejects.toMatchObject({ details: { errors: [{ parameter: 'region', message: 'Legal entity US01 is in region AMER, not EMEA.' }] } });
  });
});
