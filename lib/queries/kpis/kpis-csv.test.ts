import { describe, expect, it } from 'vitest';
import type { KpiFigure, KpiResponse } from '../../http/schemas/kpis.ts';
import { KPI_CSV_COLUMNS, kpisCsv, kpisCsvFileName } from './kpis-csv.ts';

const kpi = (key: string, value: string | null, extra: Partial<KpiFigure> = {}): KpiFigure => ({
  key, label: key, value, unit: 'days', scope: 'legal-entity', rows: { description: 'Invoice where kind = INVOICE' }, docs: `docs/KPIS.md#${key}`, ...extra,
});
const response = (from: string, to: string, kpis: KpiFigure[]): KpiResponse => ({
  period: { from: `${from}T00:00:00.000Z`, to: `${to}T00:00:00.000Z`, asOf: `${to}T00:00:00.000Z` },
  legalEntityCode: 'US01', region: null, currency: 'USD', fx: null, kpis,
});

describe('kpisCsv', () => {
  const current = response('2026-10-01', '2027-01-01', [
    kpi('dso', '57.962'),
    kpi('billedAndCollected', '1685.50', { unit: 'money', currency: 'USD', label: 'Billed, and collected', rows: { description: 'say "billed"\nthen collected' } }),
    kpi('invoiceTimeliness', null, { unit: 'ratio' }),
  ]);
  const previous = response('2026-07-01', '2026-10-01', [kpi('dso', '61.5'), kpi('billedAndCollected', '900.00'), kpi('invoiceTimeliness', '0.5')]);
  const lines = kpisCsv(current, previous).split('\r\n');

  it('has a header row, one row per KPI and a final line break', () => {
    expect(lines[0]).toBe(KPI_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe('');
  });

  it('keeps exact values, the previous value, the period and scope; "—" is empty', () => {
    expect(lines[1]).toBe(
      'dso,dso,57.962,days,,61.5,2026-10-01T00:00:00.000Z,2027-01-01T00:00:00.000Z,2027-01-01T00:00:00.000Z,2026-07-01T00:00:00.000Z,2026-10-01T00:00:00.000Z,US01,all,legal-entity,Invoice where kind = INVOICE,docs/KPIS.md#dso',
    );
    expect(lines[3]!.split(',').slice(0, 6)).toEqual(['invoiceTimeliness', 'invoiceTimeliness', '', 'ratio', '', '0.5']);
  });

  it('quotes fields holding commas, quotes and line breaks', () => {
    expect(kpisCsv(current, previous)).toContain('billedAndCollected,"Billed, and collected",1685.50,money,USD,900.00,');
    expect(kpisCsv(current, previous)).toContain('"say ""billed""\nthen collected"');
  });

  it('names the file after the period (last day inclusive), scope and currency', () => {
    expect(kpisCsvFileName(current)).toBe('kpis_2026-10-01_2026-12-31_US01_USD.csv');
    expect(kpisCsvFileName({ ...current, legalEntityCode: null, region: 'EMEA', currency: 'EUR' })).toBe('kpis_2026-10-01_2026-12-31_EMEA_EUR.csv');
  });
});
