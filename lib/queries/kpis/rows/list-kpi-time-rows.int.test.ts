// The rows behind the time KPIs are exactly the rows the figures count: on the
// hand-computed quarter, unbilled time per age bucket (and over the leakage grace),
// unapproved time, and approved time of the period; keyset pages cover each row once.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKpiQuarter, Q1 } from '../../../../test/fixtures/kpis.ts';
import { getKpis } from '../get-kpis.ts';
import { resolveKpiScope, type KpiScope } from '../kpi-scope.ts';
import { listKpiTimeRows, type KpiTimeRow } from './list-kpi-time-rows.ts';

const now = new Date('2026-06-01T00:00:00Z');
let scope: KpiScope;

async function everyPage(options: Omit<Parameters<typeof listKpiTimeRows>[0], 'cursor' | 'limit'>): Promise<KpiTimeRow[]> {
  const rows: KpiTimeRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listKpiTimeRows({ ...options, cursor, limit: 1 });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

beforeAll(async () => {
  await buildKpiQuarter();
  scope = await resolveKpiScope({ ...Q1, now });
});

describe('listKpiTimeRows', () => {
  it('unbilled approved time: every bucket lists the entries its figure counts, oldest first', async () => {
    const figure = (await getKpis({ ...Q1, now })).kpis.find((k) => k.key === 'unbilledApprovedTime')!;
    const buckets = (figure.breakdown as { entries: number; buckets: { label: string; entries: number; hours: string }[] });
    const all = await everyPage({ scope, view: 'unbilled' });
    expect(all).toHaveLength(buckets.entries);
    expect(all.map((r) => r.workDate)).toEqual([...all.map((r) => r.workDate)].sort());
    for (const bucket of buckets.buckets) {
      const rows = await everyPage({ scope, view: 'unbilled', age: bucket.label as never });
      expect(rows, bucket.label).toHaveLength(bucket.entries);
      expect(rows.reduce((sum, r) => sum + Number(r.hours), 0).toFixed(2), bucket.label).toBe(bucket.hours);
    }
  });

  it('over the 30-day grace: revenue leakage\'s approved time never billed', async () => {
    const leakage = (await getKpis({ ...Q1, now })).kpis.find((k) => k.key === 'revenueLeakage')!;
    const neverBilled = (leakage.breakdown as { approvedTimeNeverBilled: { rows: number } }).approvedTimeNeverBilled;
    const rows = await everyPage({ scope, view: 'unbilled', age: 'over-30' });
    expect(rows).toHaveLength(neverBilled.rows);
    expect(rows.every((r) => r.ageDays > 30)).toBe(true);
  });

  it('unapproved time and approved time of the period; a region scopes by the engagement', async () => {
    const kpis = (await getKpis({ ...Q1, now })).kpis;
    const unapproved = kpis.find((k) => k.key === 'unapprovedTime')!.breakdown as { entries: number };
    expect(await everyPage({ scope, view: 'unapproved' })).toHaveLength(unapproved.entries);
    const approved = await everyPage({ scope, view: 'approved' });
    const utilization = kpis.find((k) => k.key === 'utilization')!.breakdown as { workedHours: string };
    expect(approved.reduce((sum, r) => sum + Number(r.hours), 0).toFixed(2)).toBe(utilization.workedHours);
    const apac = await resolveKpiScope({ ...Q1, region: 'APAC', now });
    expect(await everyPage({ scope: apac, view: 'unbilled' })).toEqual([]);
  });

  it('refuses a cursor of another list and an age on time that has none', async () => {
    await expect(listKpiTimeRows({ scope, view: 'unbilled', cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(listKpiTimeRows({ scope, view: 'unapproved', age: '0-7' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
