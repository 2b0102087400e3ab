// The revenue API on a real database: entries grouped by period with the running
// cumulative, reversals linked both ways, and the contract asset/liability.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as revenueRoute } from '@/app/api/v1/revenue/route';
import { revenueResponseSchema } from './schemas/revenue.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { createEngagement } from '../../test/fixtures/q2c-delivery.ts';
import { createInvoice, createRevenueEntry } from '../../test/fixtures/q2c-billing.ts';

const noParams = { params: Promise.resolve({}) };
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

let bearer: Record<string, string>;
let fixture: Awaited<ReturnType<typeof createEngagement>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  bearer = (await createPerson('DELIVERY')).bearer;
  fixture = await createEngagement({ model: 'FIXED_FEE_MILESTONE' });
  const e = fixture.engagement;
  ids.march = (await createRevenueEntry({ engagement: e, treatment: 'PERCENT_COMPLETE', period: '2026-03', amount: '12500.005', cumulative: '12500.005' })).id;
  ids.april = (await createRevenueEntry({ engagement: e, treatment: 'PERCENT_COMPLETE', period: '2026-04', amount: '20000.00', cumulative: '32500.005' })).id;
  ids.reversal = (await createRevenueEntry({ engagement: e, treatment: 'PERCENT_COMPLETE', period: '2026-04', kind: 'REVERSAL', amount: '-12500.005', cumulative: '20000.00', reversesEntryId: ids.march })).id;
  ids.expense = (await createRevenueEntry({ engagement: e, treatment: 'POINT_IN_TIME', period: '2026-05', amount: '412.80', cumulative: '412.80' })).id;
  await createInvoice({ engagement: e, status: 'POSTED', subtotal: '25000.00', taxTotal: '2000.00', total: '27000.00' });
});

describe('GET /api/v1/revenue', () => {
  it('entries by period with the cumulative, reversals linked, and unbilled receivable / deferred revenue', async () => {
    const response = await revenueRoute(req(`/api/v1/revenue?engagementId=${fixture.engagement.id}`, bearer), noParams);
    expect(response.status).toBe(200);
    const body = revenueResponseSchema.parse(await response.json());
    expect(body.periods.map((p) => [p.period, p.amount, p.cumulative, p.entries.length])).toEqual([
      ['2026-03', '12500.01', '12500.01', 1],
      ['2026-04', '7500.00', '20000.00', 2], // 20,000 − 12,500.005: exact inside, rounded only for display
      ['2026-05', '412.80', '20412.80', 1],
    ]);
    const april = body.periods[1]!.entries;
    expect(april.find((e) => e.id === ids.reversal)).toMatchObject({ kind: 'REVERSAL', amount: '-12500.01', reversesEntryId: ids.march, treatment: 'PERCENT_COMPLETE' });
    expect(body.periods[0]!.entries[0]).toMatchObject({ id: ids.march, reversedByEntryId: ids.reversal, recognitionDate: '2026-03-31' });
    // Recognized 20,412.80 against 25,000.00 billed net of tax.
    expect(body).toMatchObject({ currency: 'USD', recognized: '20412.80', billedExcludingTax: '25000.00', deferredRevenue: '4587.20', unbilledReceivable: '0.00' });
    expect(body.schedules.map((s) => s.treatment).sort()).toEqual(['PERCENT_COMPLETE', 'POINT_IN_TIME']);
  });

  it('by engagement code; 400 without engagementId, 404 for an unknown one, 401 without credentials', async () => {
    const byCode = revenueResponseSchema.parse(await (await revenueRoute(req(`/api/v1/revenue?engagementId=${fixture.engagement.code}`, bearer), noParams)).json());
    expect(byCode.engagement.id).toBe(fixture.engagement.id);
    expect((await revenueRoute(req('/api/v1/revenue', bearer), noParams)).status).toBe(400);
    expect((await revenueRoute(req('/api/v1/revenue?engagementId=ENG-NOPE', bearer), noParams)).status).toBe(404);
    expect((await revenueRoute(req(`/api/v1/revenue?engagementId=${fixture.engagement.id}`), noParams)).status).toBe(401);
  });

  it('an engagement without revenue answers zeros, not an error', async () => {
    const { engagement } = await createEngagement();
    const body = revenueResponseSchema.parse(await (await revenueRoute(req(`/api/v1/revenue?engagementId=${engagement.id}`, bearer), noParams)).json());
    expect(body).toMatchObject({ periods: [], schedules: [], recognized: '0.00', deferredRevenue: '0.00', unbilledReceivable: '0.00' });
  });
});
