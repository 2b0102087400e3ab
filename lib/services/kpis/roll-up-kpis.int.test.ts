// The KPI rollup on the hand-computed quarter: after a full rollup, after one that reaches
// only part of the period (stored facts + live days), and after data changes followed by
// the trailing-window run, the API answers exactly what it answers from live rows alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKpiQuarter, Q1 } from '../../../test/fixtures/kpis.ts';
import { db, pgPool } from '../../db/client.ts';
import { getKpis } from '../../queries/kpis/get-kpis.ts';
import { reverseCashApplication } from '../cash/reverse-application.ts';
import { rollUpKpis } from './roll-up-kpis.ts';

const now = new Date('2026-06-01T00:00:00Z');
const figures = async (legalEntityCode?: string) => (await getKpis({ ...Q1, legalEntityCode, now })).kpis;
let live: Awaited<ReturnType<typeof figures>>;

beforeAll(async () => {
  await buildKpiQuarter();
  live = await figures();
});

describe('rollUpKpis', () => {
  it('a rollup through mid-February: stored facts before, live rows after, the same figures', async () => {
    const result = await rollUpKpis({ now: new Date('2026-02-15T08:00:00Z'), full: true });
    expect(result).toMatchObject({ firstDay: '1900-01-01', through: '2026-02-14' });
    expect(result.facts).toBeGreaterThan(0);
    expect(await figures()).toEqual(live);
  });

  it('a full rollup past the period: every business figure from stored facts, unchanged', async () => {
    await rollUpKpis({ now, full: true });
    const { rows } = await pgPool().query(`SELECT to_char(through, 'YYYY-MM-DD') AS through FROM "KpiRollup"`);
    expect(rows).toEqual([{ through: '2026-05-31' }]);
    expect(await figures()).toEqual(live);
    expect(await figures('US01')).toEqual((await getKpis({ ...Q1, legalEntityCode: 'US01', now: new Date('2026-06-01T00:00:00Z') })).kpis);
  });

  it('a change inside the trailing window is picked up by the next (windowed) run, and only then', async () => {
    // Post the late invoice D on 2026-03-02: timeliness counts it, late still (deadline 12 February).
    const d = await db().invoice.findFirstOrThrow({ where: { currency: 'GBP', kind: 'INVOICE' } });
    await db().invoice.update({ where: { id: d.id }, data: { postedAt: new Date('2026-03-02T10:00:00Z'), status: 'POSTED' } });
    await db().invoice.update({ where: { id: d.id }, data: { eligibleAt: new Date('2026-03-01T09:00:00Z') } });
    const stale = (await figures()).find((k) => k.key === 'invoiceTimeliness')!;
    expect(stale.breakdown).toMatchObject({ onTime: 1, late: 2 });
    const result = await rollUpKpis({ now: new Date('2026-06-01T01:00:00Z') });
    expect(result.firstDay).toBe('2026-02-01');
    const fresh = (await figures()).find((k) => k.key === 'invoiceTimeliness')!;
    // Eligible Sunday 1 March, posted Monday 2 March: within 2 business days.
    expect(fresh.breakdown).toMatchObject({ onTime: 2, late: 1 });
  });

  it('a payment reversed months after it arrived counts against accuracy after the next run, however short its window', async () => {
    const accuracy = async () => (await figures()).find((k) => k.key === 'cashApplicationAccuracy')!.breakdown;
    expect(await accuracy()).toMatchObject({ perPayment: { accurate: 1, total: 3 } });
    const r1 = await db().cashApplication.findFirstOrThrow({ where: { receipt: { externalId: 'R1' }, kind: 'APPLICATION' } });
    await reverseCashApplication({ applicationId: r1.id, reason: 'Belonged to another client', actor: { type: 'SYSTEM', id: 'test' }, now: new Date('2026-06-01T01:30:00Z') });
    await rollUpKpis({ now: new Date('2026-06-01T02:00:00Z'), windowDays: 1 });
    expect(await accuracy()).toMatchObject({ perPayment: { accurate: 0, total: 3 }, perInvoiceLine: { accurate: 0, total: 2 } });
  });
});
