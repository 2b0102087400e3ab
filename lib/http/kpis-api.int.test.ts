// GET /api/v1/kpis end to end: real Requests with personal API tokens. Every role may read
// KPIs (kpis:read is a business read), so the refusals are 401 and 400; the figures
// themselves are checked in lib/queries/kpis/get-kpis.int.test.ts.
import { describe, expect, it } from 'vitest';
import { GET as kpisRoute } from '@/app/api/v1/kpis/route';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { roles } from '../auth/permissions.ts';
import { kpiResponseSchema } from './schemas/kpis.ts';
import { kpiKeys } from '../queries/kpis/kpi-catalog.ts';

const noParams = { params: Promise.resolve({}) };
const get = (query: string, headers: Record<string, string> = {}) => kpisRoute(new Request(`http://localhost/api/v1/kpis${query}`, { headers }), noParams);

describe('GET /api/v1/kpis', () => {
  it('401 without a token; every role may read (none is refused with 403)', async () => {
    const unauthenticated = await get('?from=2026-01-01&to=2026-04-01');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('content-type')).toBe('application/problem+json');
    for (const role of roles) {
      const person = await createPerson(role);
      expect((await get('?from=2026-01-01&to=2026-04-01', person.bearer)).status, role).toBe(200);
    }
  });

  it('answers the documented shape: every KPI, with value, unit, rows and its docs section', async () => {
    const executive = await createPerson('EXECUTIVE');
    const response = await get('?from=2026-01-01&to=2026-04-01&legalEntityCode=US01&currency=eur', executive.bearer);
    expect(response.status).toBe(200);
    const body = kpiResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ legalEntityCode: 'US01', currency: 'EUR', period: { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', asOf: '2026-04-01T00:00:00.000Z' } });
    expect(body.fx).toMatchObject({ rateDate: '2026-03-01' });
    expect(body.kpis.map((k) => k.key)).toEqual(kpiKeys);
    expect(body.kpis.find((k) => k.key === 'dso')).toMatchObject({ value: null, unit: 'days', currency: 'EUR' });
  });

  it('400 with the offending parameter for a bad period, an unknown legal entity or currency', async () => {
    const finance = await createPerson('FINANCE');
    const cases: [string, string][] = [
      ['?from=2026-04-01&to=2026-01-01', 'from'],
      ['?from=yesterday', 'from'],
      ['?from=2026-01-01&to=2026-04-01T12:00:00Z', 'to'],
      ['?legalEntityCode=XX99', 'legalEntityCode'],
      ['?currency=ABC', 'currency'],
      ['?currency=JPY&from=2026-01-01&to=2026-04-01', 'currency'],
    ];
    for (const [query, parameter] of cases) {
      const response = await get(query, finance.bearer);
      expect(response.status, query).toBe(400);
      expect((await response.json()).errors, query).toEqual([expect.objectContaining({ parameter })]);
    }
  });
});
