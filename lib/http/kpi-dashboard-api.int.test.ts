// The dashboard's APIs end to end with personal API tokens: the monthly series, the CSV
// export of the KPIs and the CSV of the time behind a time KPI — every role may read them;
// refusals are 401, 400 with the parameter named, and 404 for a KPI that is not time.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/v1/kpis/export/route';
import { GET as rowsRoute } from '@/app/api/v1/kpis/[key]/rows/route';
import { GET as seriesRoute } from '@/app/api/v1/kpis/series/route';
import { buildKpiQuarter } from '../../test/fixtures/kpis.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { kpiSeriesResponseSchema } from './schemas/kpi-series.ts';

const call = (route: typeof seriesRoute, path: string, headers: Record<string, string>, params: Record<string, string> = {}) =>
  route(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve(params) });
let executive: Record<string, string>;

beforeAll(async () => {
  await buildKpiQuarter();
  executive = (await createPerson('EXECUTIVE')).bearer;
});

describe('GET /api/v1/kpis/series', () => {
  it('answers the documented shape for a region; 401 without a token; 400 naming the parameter', async () => {
    const response = await call(seriesRoute, '/api/v1/kpis/series?to=2026-04-01&months=3&region=EMEA&currency=gbp', executive);
    expect(response.status).toBe(200);
    const body = kpiSeriesResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ region: 'EMEA', legalEntityCode: null, currency: 'GBP' });
    expect(body.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(body.series.dso).toHaveLength(3);
    expect((await call(seriesRoute, '/api/v1/kpis/series', {})).status).toBe(401);
    for (const [query, parameter] of [['?months=99', 'months'], ['?region=MARS', 'region'], ['?to=2026-04-01T12:00:00Z', 'to']]) {
      const refused = await call(seriesRoute, `/api/v1/kpis/series${query}`, executive);
      expect(refused.status, query).toBe(400);
      expect((await refused.json()).errors, query).toEqual([expect.objectContaining({ parameter })]);
    }
  });
});

describe('GET /api/v1/kpis/export', () => {
  it('downloads the KPIs of the view as CSV, with the previous period', async () => {
    const response = await call(exportRoute, '/api/v1/kpis/export?from=2026-01-01&to=2026-04-01&legalEntityCode=US01', executive);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="kpis_2026-01-01_2026-03-31_US01_USD.csv"');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines).toHaveLength(18);
    expect(lines.find((l) => l.startsWith('dso,'))).toContain(',2026-01-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,2025-10-01T00:00:00.000Z,2026-01-01T00:00:00.000Z,US01,all,');
  });
});

describe('GET /api/v1/kpis/{key}/rows', () => {
  it('lists the time behind a time KPI; 404 for another KPI; 400 for an unknown age', async () => {
    const response = await call(rowsRoute, '/api/v1/kpis/unbilledApprovedTime/rows?from=2026-01-01&to=2026-04-01', executive, { key: 'unbilledApprovedTime' });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('work_date,age_days,engagement,legal_entity,employee,role,hours,amount,currency,approval_status,time_transaction_id');
    expect(lines.length).toBeGreaterThan(1);
    const old = await call(rowsRoute, '/api/v1/kpis/unbilledApprovedTime/rows?from=2026-01-01&to=2026-04-01&age=%3E90', executive, { key: 'unbilledApprovedTime' });
    expect((await old.text()).trim().split('\r\n').slice(1).every((l) => Number(l.split(',')[1]) > 90)).toBe(true);
    expect((await call(rowsRoute, '/api/v1/kpis/dso/rows', executive, { key: 'dso' })).status).toBe(404);
    const badAge = await call(rowsRoute, '/api/v1/kpis/unbilledApprovedTime/rows?age=ancient', executive, { key: 'unbilledApprovedTime' });
    expect(badAge.status).toBe(400);
  });
});
