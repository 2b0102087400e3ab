// The engagements list sorted by margin variance (the dashboard's margin drill-down) on a real
// database: it lists exactly the engagements the margin KPI counts for the period and legal
// entity, each with the KPI's own figures, in keyset pages of the KPI's variance (worst first,
// or best first; those without a variance last; ties by id), and the other sorts carry the
// same figures. This file's own database: only these engagements exist.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFxRate } from '../../../test/fixtures/exceptions.ts';
import { addTime, createEngagement, type TestEngagement } from '../../../test/fixtures/revenue.ts';
import { parseDashboardParams } from '../../../components/kpi/dashboard-params.ts';
import { drillDownHref } from '../../../components/kpi/kpi-links.ts';
import { db } from '../../db/client.ts';
import { engagementPageParamsSchema, pageParams } from '../../http/schemas/console-money-params.ts';
import type { EngagementSummary } from '../../http/schemas/engagements.ts';
import { getKpis } from '../kpis/get-kpis.ts';
import { listEngagements, type ListEngagementsOptions } from './list-engagements.ts';

const now = new Date('2026-06-01T00:00:00Z');
const Q1 = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const codes = new Map<string, string>();

async function engagementWith(name: string, options: { legalEntityCode?: string; value: string; estimatedCost: string | null; revenue: string | null; cost: string; workDate?: string }): Promise<TestEngagement> {
  const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', legalEntityCode: options.legalEntityCode ?? 'US01', contractValue: options.value, estimatedTotalCost: options.estimatedCost, acceptedOn: '2025-12-01' });
  codes.set(engagement.id, name);
  // Cost = hours × cost rate (what the time facts add up): one hour at the cost.
  const time = await addTime(engagement, { workDate: options.workDate ?? '2026-02-10', hours: '1', cost: options.cost });
  await db().timeTransaction.update({ where: { id: time.id }, data: { costRate: options.cost } });
  if (options.revenue !== null) {
    const schedule = await db().revenueSchedule.create({ data: { engagementId: engagement.id, treatment: 'AS_DELIVERED', currency: engagement.currency } });
    const period = await db().accountingPeriod.findFirstOrThrow({ where: { period: '2026-02', legalEntityId: engagement.legalEntityId } });
    await db().revenueEntry.create({
      data: {
        scheduleId: schedule.id, engagementId: engagement.id, accountingPeriodId: period.id, period: '2026-02', recognitionDate: new Date('2026-02-15T00:00:00Z'),
        kind: 'RECOGNITION', amount: options.revenue, cumulativeAmount: options.revenue, currency: engagement.currency, idempotencyKey: randomUUID(),
      },
    });
  }
  return engagement;
}

/** Every page of the list for these options, `limit` rows a page. */
async function allPages(options: ListEngagementsOptions, limit = 2): Promise<EngagementSummary[]> {
  const items: EngagementSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEngagements({ ...options, cursor, limit, now });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The list options the dashboard's margin link opens, read as the page reads its URL. */
function marginDrillDown(dashboardQuery: string): ListEngagementsOptions {
  const parsed = parseDashboardParams(new URLSearchParams(dashboardQuery), '2026-06-01');
  if (!parsed.ok) throw new Error(parsed.message);
  const [path, search] = drillDownHref('margin', parsed.view, () => true).split('?');
  expect(path).toBe('/engagements');
  const query = pageParams(engagementPageParamsSchema, new URLSearchParams(search));
  if (!query.ok) throw new Error(query.message);
  const { legalEntity, model, q, ...rest } = query.query;
  return { ...rest, legalEntityCode: legalEntity, billingModel: model, search: q };
}

beforeAll(async () => {
  // Margin % − planned %: planned 40% everywhere but "no plan".
  await engagementWith('worst', { value: '1000', estimatedCost: '600', revenue: '1000', cost: '900' }); // 10% → −0.30
  await engagementWith('tie-a', { value: '1000', estimatedCost: '600', revenue: '1000', cost: '800' }); // 20% → −0.20
  await engagementWith('tie-b', { value: '1000', estimatedCost: '600', revenue: '2000', cost: '1600' }); // 20% → −0.20
  await engagementWith('on-plan', { value: '1000', estimatedCost: '600', revenue: '1000', cost: '600' }); // 40% → 0
  await engagementWith('best', { value: '1000', estimatedCost: '600', revenue: '1000', cost: '300' }); // 70% → +0.30
  await engagementWith('no-plan', { value: '1000', estimatedCost: null, revenue: '1000', cost: '500' }); // no variance
  await engagementWith('no-revenue', { value: '1000', estimatedCost: '600', revenue: null, cost: '500' }); // no variance
  await engagementWith('other-entity', { legalEntityCode: 'GB01', value: '1000', estimatedCost: '600', revenue: '1000', cost: '950' });
  await engagementWith('other-period', { value: '1000', estimatedCost: '600', revenue: null, cost: '999', workDate: '2026-04-10' });
  await createFxRate('EUR', 'USD', '2026-03-31', '1.25');
});

describe('engagements sorted by margin variance: the margin KPI’s rows', () => {
  it('the dashboard link lists exactly the engagements the KPI counts, with its figures', async () => {
    const options = marginDrillDown('period=2026-Q1&legalEntity=US01');
    expect(options).toMatchObject({ sort: 'marginVariance', marginFrom: '2026-01-01', marginTo: '2026-03-31', legalEntityCode: 'US01' });
    const listed = await allPages(options);
    const kpi = (await getKpis({ ...Q1, legalEntityCode: 'US01', now })).kpis.find((k) => k.key === 'margin')!.breakdown as { engagements: number; worstEngagements: Record<string, unknown>[] };

    expect(listed.map((e) => codes.get(e.id))).toEqual(['worst', ...[...listed].filter((e) => codes.get(e.id)!.startsWith('tie')).map((e) => codes.get(e.id)), 'on-plan', 'best', ...listed.slice(5).map((e) => codes.get(e.id))]);
    expect(listed).toHaveLength(kpi.engagements);
    expect(new Set(listed.slice(5).map((e) => codes.get(e.id)))).toEqual(new Set(['no-plan', 'no-revenue']));
    // Ties by id, in the sort's direction.
    const ties = listed.slice(1, 3).map((e) => e.id);
    expect(ties).toEqual([...ties].sort());
    const tail = listed.slice(5).map((e) => e.id);
    expect(tail).toEqual([...tail].sort());

    // Each engagement's figures are the KPI's (its breakdown lists up to 20: all of them here).
    expect(kpi.worstEngagements).toHaveLength(listed.length);
    for (const figure of kpi.worstEngagements) {
      const item = listed.find((e) => e.id === figure.engagementId)!;
      const { uncostedHours: _hours, ...margin } = item.margin!;
      expect({ code: codes.get(item.id), ...margin }).toEqual({ code: codes.get(item.id), ...figure });
    }
    expect(listed[0]!.margin).toMatchObject({ revenue: '1000.00', cost: '900.00', margin: '100.00', marginPct: '0.1', plannedMarginPct: '0.4', marginPctVariance: '-0.3', marginVariance: '-300.00' });
  });

  it('best first reverses the order; those without a variance stay last', async () => {
    const worstFirst = await allPages(marginDrillDown('period=2026-Q1&legalEntity=US01'));
    const bestFirst = await allPages({ ...marginDrillDown('period=2026-Q1&legalEntity=US01'), sort: '-marginVariance' }, 3);
    expect(bestFirst.slice(0, 5).map((e) => e.id)).toEqual(worstFirst.slice(0, 5).map((e) => e.id).reverse());
    expect(bestFirst.slice(5).map((e) => e.id)).toEqual(worstFirst.slice(5).map((e) => e.id).reverse());
  });

  it('in another currency: the KPI’s figures at the period’s last rate', async () => {
    const listed = await allPages(marginDrillDown('period=2026-Q1&legalEntity=US01&currency=EUR'));
    const kpi = (await getKpis({ ...Q1, legalEntityCode: 'US01', currency: 'EUR', now })).kpis.find((k) => k.key === 'margin')!.breakdown as { worstEngagements: { engagementId: string; margin: string }[] };
    expect(listed[0]!.margin?.margin).toBe('80.00'); // USD 100 at 1 EUR = 1.25 USD
    for (const figure of kpi.worstEngagements) expect(listed.find((e) => e.id === figure.engagementId)!.margin?.margin).toBe(figure.margin);
  });

  it('the other sorts and filters carry the same figures; a cursor of another period is refused', async () => {
    const newest = await listEngagements({ legalEntityCode: 'US01', marginFrom: '2026-01-01', marginTo: '2026-03-31', now, limit: 50 });
    const sorted = await allPages(marginDrillDown('period=2026-Q1&legalEntity=US01'));
    for (const item of sorted) expect(newest.items.find((e) => e.id === item.id)!.margin).toEqual(item.margin);
    // Outside the KPI's population: no figures.
    expect(newest.items.find((e) => codes.get(e.id) === 'other-period')!.margin).toBeNull();
    expect(newest.marginPeriod).toEqual({ from: '2026-01-01', to: '2026-03-31', currency: 'USD', legalEntityCode: 'US01', region: null });

    const filtered = await allPages({ ...marginDrillDown('period=2026-Q1&legalEntity=US01'), search: 'nonexistent-engagement' });
    expect(filtered).toEqual([]);

    const first = await listEngagements({ ...marginDrillDown('period=2026-Q1&legalEntity=US01'), limit: 2, now });
    await expect(listEngagements({ ...marginDrillDown('period=2026-Q2&legalEntity=US01'), cursor: first.nextCursor!, now })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
