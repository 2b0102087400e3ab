import { describe, expect, it } from 'vitest';
import { dec, sum } from '../domain/money/decimal.ts';
import { generateDemoWorld } from './generate-demo-world.ts';
import { planPayment } from './payment-plan.ts';
import type { DemoEvent, DemoWorld } from './types.ts';

const TODAY = '2026-12-04';
const allEvents = (world: DemoWorld): DemoEvent[] => world.months.flatMap((m) => [...m.before, ...m.delivery]);

describe('generateDemoWorld', () => {
  const world = generateDemoWorld({ seed: 'test-seed', scale: 1, today: TODAY });

  it('is deterministic: the same seed and day give the same world, event ids included', () => {
    const again = generateDemoWorld({ seed: 'test-seed', scale: 1, today: TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(world));
    const other = generateDemoWorld({ seed: 'other-seed', scale: 1, today: TODAY });
    expect(JSON.stringify(other.engagements)).not.toBe(JSON.stringify(world.engagements));
  });

  it('is a firm of four legal entities and currencies, a few hundred clients in groups, all three billing models', () => {
    expect(new Set(world.engagements.map((e) => `${e.legalEntityCode}/${e.currency}`))).toEqual(new Set(['US01/USD', 'GB01/GBP', 'DE01/EUR', 'IN01/INR']));
    expect(world.clients.length).toBeGreaterThanOrEqual(250);
    expect(world.clients.length).toBeLessThanOrEqual(350);
    const parents = new Set(world.clients.filter((c) => c.kind === 'parent').map((c) => c.externalId));
    expect(parents.size).toBeGreaterThan(20);
    expect(world.clients.filter((c) => c.parentExternalId && parents.has(c.parentExternalId)).length).toBeGreaterThan(parents.size);
    expect(world.employees.length).toBeGreaterThanOrEqual(60);
    expect(world.employees.length).toBeLessThanOrEqual(120);
    for (const model of ['TIME_AND_MATERIALS', 'FIXED_FEE_MILESTONE', 'RETAINER_WITH_OVERAGE']) {
      expect(world.engagements.filter((e) => e.model === model && !e.heldBy).length, model).toBeGreaterThanOrEqual(30);
    }
  });

  it('covers a year month by month ending with the running month, which is not billed', () => {
    expect(world.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(world.months.at(-1)!.asOf).toBeUndefined();
    expect(world.months.at(-2)!.asOf).toBe('2026-11-30');
    for (const event of allEvents(world)) expect(event.time.slice(0, 10) < TODAY, event.id).toBe(true);
    for (const month of world.months) for (const event of month.delivery) expect(event.time.slice(0, 7), event.id).toBe(month.month);
    expect(world.months.reduce((n, m) => n + m.delivery.filter((e) => e.type === 'q2c.timesheet.approved.v1').length, 0)).toBeGreaterThan(2000);
  });

  it('gives every event a unique id, except the planted conflicting repeats', () => {
    const ids = allEvents(world).filter((e) => !e.expectRefused || e.type !== 'q2c.timesheet.approved.v1' || !e.id.startsWith('demo-ts-TS-Q'));
    expect(new Set(ids.map((e) => e.id)).size).toBe(ids.length);
    const repeats = allEvents(world).filter((e) => e.expectRefused && e.id.startsWith('demo-ts-TS-Q'));
    expect(repeats.length).toBeGreaterThan(0);
    for (const repeat of repeats) expect(allEvents(world).filter((e) => e.id === repeat.id)).toHaveLength(2);
  });

  it('plants several faults for every exception code of DESIGN.md §7', () => {
    const codes = [
      'CLIENT_NOT_MASTERED', 'INVALID_LEGAL_ENTITY', 'MISSING_TAX_PROFILE', 'CURRENCY_MISMATCH', 'UNMAPPED_SERVICE_SKU', 'RATE_CARD_MISSING',
      'TIME_FOR_UNKNOWN_ENGAGEMENT', 'MILESTONE_MISSING_EVIDENCE', 'OUT_OF_ORDER_GAP', 'PAYLOAD_CONFLICT', 'OWNERSHIP_VIOLATION', 'SCHEMA_INVALID',
      'CONNECTOR_DELIVERY_FAILED', 'TAX_ENGINE_UNAVAILABLE', 'UNAPPLIED_CASH', 'SHORT_PAY_DEDUCTION', 'PAYMENT_DISPUTED', 'ORPHANED_PROJECT',
      'UNBILLED_APPROVED_TIME', 'QUOTE_CONTRACT_VALUE_MISMATCH',
    ];
    const planted = new Set(world.faults.map((f) => f.code));
    for (const code of codes) expect(planted, code).toContain(code);
    for (const code of ['UNMAPPED_SERVICE_SKU', 'SCHEMA_INVALID', 'PAYLOAD_CONFLICT', 'CONNECTOR_DELIVERY_FAILED']) {
      expect(world.faults.filter((f) => f.code === code).length, code).toBeGreaterThanOrEqual(3);
    }
    expect(world.engagements.filter((e) => e.heldBy).length).toBe(18);
    expect(new Set(world.engagements.map((e) => e.payer))).toEqual(new Set(['prompt', 'slow', 'card', 'short-payer', 'disputer']));
  });

  it('keeps money exact: fixed-fee milestones sum to the quoted value, T&M value is hours × rates', () => {
    const quotes = world.months.flatMap((m) => m.quotes);
    for (const quote of quotes) {
      const lines = quote.data.lines as { quantity: string; unitPrice: string }[];
      const linesTotal = sum(lines.map((l) => dec(l.quantity).times(l.unitPrice)));
      const milestones = quote.data.milestones as { amount: string }[] | undefined;
      if (quote.data.billingModel === 'FIXED_FEE_MILESTONE') expect(sum(milestones!.map((m) => m.amount)).eq(linesTotal), quote.data.quoteId).toBe(true);
      const engagement = world.engagements.find((e) => e.quoteId === quote.data.quoteId)!;
      if (!engagement.heldBy && quote.data.billingModel !== 'RETAINER_WITH_OVERAGE') expect(dec(engagement.value).eq(linesTotal), quote.data.quoteId).toBe(true);
    }
  });

  it('scales down for tests and keeps a fault of every kind', () => {
    const small = generateDemoWorld({ seed: 'test-seed', scale: 0.05, today: TODAY });
    expect(small.engagements.length).toBeLessThan(40);
    const live = small.engagements.filter((e) => !e.heldBy);
    for (const model of ['TIME_AND_MATERIALS', 'FIXED_FEE_MILESTONE', 'RETAINER_WITH_OVERAGE']) {
      expect(new Set(live.filter((e) => e.model === model).map((e) => e.currency)), model).toEqual(new Set(['USD', 'GBP', 'EUR', 'INR']));
    }
    expect(live.map((e) => e.payer)).toEqual(expect.arrayContaining(['short-payer', 'disputer']));
    expect(new Set(small.faults.map((f) => f.code)).size).toBe(new Set(world.faults.map((f) => f.code)).size);
    expect(() => generateDemoWorld({ today: TODAY, scale: 0 })).toThrow(/scale/);
  });
});

describe('planPayment', () => {
  const invoice = { quoteId: 'Q-US01-0001', ordinal: 1, number: 'INV-US01-000001', total: '1234.56', currency: 'USD', issueDate: '2026-03-31' };

  it('is deterministic per invoice and pays the total, or the total less its deduction', () => {
    for (const habit of ['prompt', 'slow', 'card', 'short-payer', 'disputer'] as const) {
      for (let ordinal = 1; ordinal <= 24; ordinal++) {
        const plan = planPayment('s', habit, { ...invoice, ordinal });
        expect(planPayment('s', habit, { ...invoice, ordinal })).toEqual(plan);
        if (!plan) continue;
        expect(plan.on > invoice.issueDate).toBe(true);
        if (plan.channel === 'remittance') expect(dec(plan.amount).plus(plan.deduction).toFixed(2)).toBe('1234.56');
        else expect(plan.amount).toBe('1234.56');
      }
    }
  });

  it('pays nothing on a zero or negative invoice', () => {
    expect(planPayment('s', 'prompt', { ...invoice, total: '0.00' })).toBeNull();
    expect(planPayment('s', 'prompt', { ...invoice, total: '-50.00' })).toBeNull();
  });
});
