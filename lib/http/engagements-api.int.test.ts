// The engagements API on a real database: money figures exact to the cent from rows
// inserted directly (credit notes netted, void and draft invoices ignored, reversals of
// cash and revenue counted), keyset pages, and 401/404 answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/engagements/route';
import { GET as detailRoute } from '@/app/api/v1/engagements/[id]/route';
import { db } from '../db/client.ts';
import { engagementDetailSchema, engagementPageSchema } from './schemas/engagements.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { createEmployee, createEngagement, createExpense, createMilestone, createTime, createUsage, short } from '../../test/fixtures/q2c-delivery.ts';
import { createCashApplication, createInvoice, createRevenueEntry } from '../../test/fixtures/q2c-billing.ts';

const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

let bearer: Record<string, string>;
let tm: Awaited<ReturnType<typeof createEngagement>>;
let retainer: Awaited<ReturnType<typeof createEngagement>>;
const clientExternalId = `ACME-${short()}`;

beforeAll(async () => {
  bearer = (await createPerson('EXECUTIVE')).bearer;
  tm = await createEngagement({ clientExternalId, value: '100000.00', estimatedCost: '60000.00', budgetHours: '500' });
  const e = { ...tm.engagement };
  const employee = await createEmployee();
  const time = (o: Partial<Parameters<typeof createTime>[0]> & { hours: string; rate: string; amount: string }) => createTime({ engagementId: e.id, employeeId: employee.id, ...o });

  // Billed time on INV1: 7.5 h and 8 h at 150.00.
  const inv1 = await createInvoice({ engagement: e, status: 'ISSUED', subtotal: '2325.00', total: '2325.00', lines: [{ kind: 'TIME', amount: '2325.00' }] });
  await time({ hours: '7.5', rate: '150', amount: '1125.00', invoiceLineId: inv1.lines[0]!.id });
  await time({ hours: '8', rate: '150', amount: '1200.00', invoiceLineId: inv1.lines[0]!.id });
  // Unbilled: 638.02275 + 225 approved billable, less 300 invoiced and superseded (to be reversed).
  await time({ hours: '4.25', rate: '150.123', amount: '638.02275' });
  await time({ hours: '1.5', rate: '150', amount: '225.00' });
  await time({ hours: '2', rate: '150', amount: '300.00', superseded: true, invoiceLineId: inv1.lines[0]!.id });
  // Not unbilled: non-billable, not approved, superseded and never invoiced.
  await time({ hours: '3', rate: '150', amount: '450.00', billable: false });
  await time({ hours: '3', rate: '150', amount: '450.00', approvalStatus: 'SUBMITTED' });
  await time({ hours: '3', rate: '150', amount: '450.00', superseded: true });

  const inv2 = await createInvoice({ engagement: e, status: 'POSTED', subtotal: '10000.00', taxTotal: '800.00', total: '10800.00', lines: [{ kind: 'MILESTONE', amount: '10000.00', taxAmount: '800.00' }] });
  await createMilestone({ engagementId: e.id, amount: '10000.00', status: 'INVOICED', invoiceLineId: inv2.lines[0]!.id });
  await createMilestone({ engagementId: e.id, amount: '5000.00', status: 'BILLABLE' });
  await createMilestone({ engagementId: e.id, amount: '7000.00', status: 'COMPLETED' });
  // A credit note against INV2 stored with negative amounts; a draft and a void invoice.
  await createInvoice({ engagement: e, kind: 'CREDIT_NOTE', status: 'ISSUED', subtotal: '-1000.00', taxTotal: '-80.00', total: '-1080.00', originalInvoiceId: inv2.id, creditNoteReason: 'DEDUCTION' });
  await createInvoice({ engagement: e, status: 'DRAFT', subtotal: '999.00', total: '999.00' });
  await createInvoice({ engagement: e, status: 'VOID', subtotal: '500.00', total: '500.00' });

  await createExpense({ engagementId: e.id, amount: '412.80', currency: 'USD' });
  await createExpense({ engagementId: e.id, amount: '100.00', currency: 'EUR' });
  await createExpense({ engagementId: e.id, amount: '50.00', currency: 'USD', billable: false });

  const a = await createRevenueEntry({ engagement: e, period: '2026-03', amount: '5000.00', cumulative: '5000.00' });
  await createRevenueEntry({ engagement: e, period: '2026-04', amount: '8000.00', cumulative: '13000.00' });
  await createRevenueEntry({ engagement: e, period: '2026-04', kind: 'REVERSAL', amount: '-5000.00', cumulative: '8000.00', reversesEntryId: a.id });
  await createRevenueEntry({ engagement: e, period: '2026-05', amount: '5000.50', cumulative: '13000.50' });

  await createCashApplication({ invoiceId: inv1.id, amount: '2325.00' });
  const applied = await createCashApplication({ invoiceId: inv2.id, amount: '5000.00' });
  await createCashApplication({ invoiceId: inv2.id, amount: '-5000.00', kind: 'REVERSAL', reversesApplicationId: applied.id });
  await createCashApplication({ invoiceId: inv2.id, amount: '9720.00' });

  await db().externalRef.create({ data: { system: 'psa', entityType: 'Engagement', entityId: e.id, externalId: `PSA-${short()}` } });

  // A retainer billed in advance: 3,000.00 invoiced, 1,000.00 recognized; usage over 100 units at 2.5.
  retainer = await createEngagement({ model: 'RETAINER_WITH_OVERAGE', value: '36000.00', retainer: { monthlyFee: '3000.00', includedUnits: '100', overageRate: '2.5' } });
  const r = retainer.engagement;
  const fee = await createInvoice({ engagement: r, status: 'ISSUED', subtotal: '3000.00', total: '3000.00', lines: [{ kind: 'USAGE_OVERAGE', amount: '3000.00' }] });
  await createUsage({ engagementId: r.id, period: '2026-03', units: '80', invoiceLineId: fee.lines[0]!.id });
  await createUsage({ engagementId: r.id, period: '2026-03', units: '50' });
  await createUsage({ engagementId: r.id, period: '2026-04', units: '150' });
  await createUsage({ engagementId: r.id, period: '2026-05', units: '60' });
  await createRevenueEntry({ engagement: r, treatment: 'RATABLE', period: '2026-03', amount: '1000.00', cumulative: '1000.00' });
});

describe('GET /api/v1/engagements/{id}', () => {
  it('computes billed, recognized, collected and unbilled exactly', async () => {
    const response = await detailRoute(req(`/api/v1/engagements/${tm.engagement.id}`, bearer), withId(tm.engagement.id));
    expect(response.status).toBe(200);
    const body = engagementDetailSchema.parse(await response.json());
    expect(body).toMatchObject({
      code: tm.engagement.code,
      currency: 'USD',
      status: 'ACTIVE',
      billingModel: 'TIME_AND_MATERIALS',
      value: '100000.00',
      estimatedCost: '60000.00',
      budgetHours: '500.00',
      billed: '12045.00', // 2,325 + 10,800 − 1,080
      billedExcludingTax: '11325.00',
      recognized: '13000.50',
      collected: '12045.00', // 2,325 + 5,000 − 5,000 + 9,720
      unbilledBreakdown: { time: '563.02', milestones: '5000.00', usage: '0.00', expenses: '412.80', expensesInOtherCurrencies: [{ currency: 'EUR', amount: '100.00' }] },
      unbilled: '5975.82', // 563.02275 + 5,000 + 412.80, rounded once
      unbilledReceivable: '1675.50',
      deferredRevenue: '0.00',
      client: { id: tm.client.id, externalId: clientExternalId },
      legalEntity: { code: 'US01' },
    });
    expect(body.externalRefs).toEqual([{ system: 'psa', externalId: expect.stringMatching(/^PSA-/) }]);
    expect(body.milestones.map((m) => m.status).sort()).toEqual(['BILLABLE', 'COMPLETED', 'INVOICED']);
    expect(body.billingPlan).toMatchObject({ model: 'TIME_AND_MATERIALS', cadence: 'WEEKLY', contractValue: '100000.00', retainer: null });
  });

  it('finds it by code; values usage overage and deferred revenue; 404 for an unknown one', async () => {
    const response = await detailRoute(req(`/api/v1/engagements/${retainer.engagement.code}`, bearer), withId(retainer.engagement.code));
    const body = engagementDetailSchema.parse(await response.json());
    // 2026-03: 130 units, 80 billed → (30 − 0) × 2.5; 2026-04: 50 × 2.5; 2026-05: under the included units.
    expect(body.unbilledBreakdown.usage).toBe('200.00');
    expect(body).toMatchObject({ billedExcludingTax: '3000.00', recognized: '1000.00', deferredRevenue: '2000.00', unbilledReceivable: '0.00' });
    expect(body.billingPlan?.retainer).toEqual({ monthlyFee: '3000.00', includedUnits: '100', overageRate: '2.5', startMonth: '2026-03', months: 12 });

    for (const ref of ['ENG-NOPE', '00000000-0000-4000-8000-000000000000']) {
      const missing = await detailRoute(req(`/api/v1/engagements/${ref}`, bearer), withId(ref));
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('shows money in the currency’s minor units (JPY has none)', async () => {
    const { engagement } = await createEngagement({ currency: 'JPY', value: '1500000', estimatedCost: null, budgetHours: null });
    const body = engagementDetailSchema.parse(await (await detailRoute(req(`/api/v1/engagements/${engagement.id}`, bearer), withId(engagement.id))).json());
    expect(body).toMatchObject({ value: '1500000', estimatedCost: null, budgetHours: null, billed: '0', unbilled: '0' });
  });
});

describe('GET /api/v1/engagements', () => {
  it('401 without credentials', async () => {
    expect((await listRoute(req('/api/v1/engagements'), noParams)).status).toBe(401);
  });

  it('filters by correlation id, client external id (own or crosswalk), status and legal entity', async () => {
    const get = async (query: string) => engagementPageSchema.parse(await (await listRoute(req(`/api/v1/engagements?${query}`, bearer), noParams)).json());
    expect((await get(`correlationId=${tm.engagement.correlationId}`)).items.map((i) => i.id)).toEqual([tm.engagement.id]);
    expect((await get(`clientExternalId=${clientExternalId}`)).items.map((i) => i.id)).toEqual([tm.engagement.id]);
    await db().externalRef.create({ data: { system: 'erp', entityType: 'Client', entityId: retainer.client.id, externalId: `ERP-CUST-${short()}` } });
    const erpRef = await db().externalRef.findFirstOrThrow({ where: { entityId: retainer.client.id } });
    expect((await get(`clientExternalId=${erpRef.externalId}`)).items.map((i) => i.id)).toEqual([retainer.engagement.id]);
    expect((await get(`clientExternalId=NOBODY-${short()}`)).items).toEqual([]);
    const page = await get(`correlationId=${tm.engagement.correlationId}&status=ACTIVE,CLOSED&legalEntityCode=US01`);
    expect(page.items[0]).toMatchObject({ billed: '12045.00', unbilled: '5975.82' });
    expect((await get(`correlationId=${tm.engagement.correlationId}&status=SHELL`)).items).toEqual([]);
    expect((await get(`correlationId=${tm.engagement.correlationId}&legalEntityCode=GB01`)).items).toEqual([]);
  });

  it('pages newest first with a cursor, nothing twice or missing; bad cursors are 400', async () => {
    const clientRef = `PAGED-${short()}`;
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await createEngagement({ clientExternalId: `${clientRef}-${i}`, createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 2))) })).engagement);
    const ids = new Set(created.map((e) => e.id));
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const response = await listRoute(req(`/api/v1/engagements?status=ACTIVE&limit=2${cursor ? `&cursor=${cursor}` : ''}`, bearer), noParams);
      const page = engagementPageSchema.parse(await response.json());
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ids.has(id))).toHaveLength(5);
    const bad = await listRoute(req('/api/v1/engagements?cursor=nonsense', bearer), noParams);
    expect(bad.status).toBe(400);
  });
});
