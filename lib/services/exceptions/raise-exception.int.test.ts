// raiseException on a real PostgreSQL: one row per (code, entity), race-free counting,
// reopening, USD impact from the FxRate table, and links to the inbox events it holds.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createFxRate, createInboxEvent, createLegalEntity, entityId } from '../../../test/fixtures/exceptions.ts';
import { raiseException, type RaiseExceptionInput } from './raise-exception.ts';

const t0 = new Date('2026-03-02T09:00:00.000Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function raise(input: Partial<RaiseExceptionInput> & Pick<RaiseExceptionInput, 'entityId'>) {
  return db().$transaction((tx) => raiseException(tx, { code: 'UNMAPPED_SERVICE_SKU', entityType: 'Quote', now: t0, ...input }), { maxWait: 20_000, timeout: 20_000 });
}

describe('raiseException', () => {
  it('opens one exception, classified, with its SLA and an OPEN action', async () => {
    const id = entityId();
    const exception = await raise({ entityId: id, correlationId: 'corr-1', details: { sku: 'X-1' } });
    expect(exception).toMatchObject({
      code: 'UNMAPPED_SERVICE_SKU',
      entityType: 'Quote',
      entityId: id,
      correlationId: 'corr-1',
      title: `Service SKU not in the catalog on Quote ${id}`,
      recoverability: 'DATA_FIX',
      recoverabilityRank: 0,
      ownerTeam: 'SALES_OPS',
      status: 'OPEN',
      occurrences: 1,
      firstSeenAt: t0,
      lastSeenAt: t0,
      slaDueAt: new Date('2026-03-03T09:00:00.000Z'),
      details: { sku: 'X-1' },
    });
    expect(exception.financialImpact.toString()).toBe('0');
    const actions = await db().exceptionAction.findMany({ where: { exceptionId: exception.id } });
    expect(actions).toMatchObject([{ kind: 'OPEN', actorType: 'SYSTEM', at: t0 }]);
  });

  it('raised twice: one row, occurrences 2, details merged, a RECUR action', async () => {
    const id = entityId();
    await raise({ entityId: id, details: { sku: 'X-1', line: 1 } });
    const again = await raise({ entityId: id, details: { line: 2 }, now: later(5) });
    expect(again).toMatchObject({ occurrences: 2, firstSeenAt: t0, lastSeenAt: later(5), details: { sku: 'X-1', line: 2 } });
    expect(await db().exception.count({ where: { entityId: id } })).toBe(1);
    const kinds = (await db().exceptionAction.findMany({ where: { exceptionId: again.id }, orderBy: { at: 'asc' } })).map((a) => a.kind);
    expect(kinds).toEqual(['OPEN', 'RECUR']);
  });

  it('20 concurrent transactions raising the same exception: one row, occurrences 20', async () => {
    const id = entityId();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => raise({ entityId: id, now: later(i) })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await db().exception.findMany({ where: { entityId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ occurrences: 20, firstSeenAt: expect.any(Date), lastSeenAt: later(19) });
    const actions = await db().exceptionAction.groupBy({ by: ['kind'], where: { exceptionId: rows[0]!.id }, _count: true });
    expect(Object.fromEntries(actions.map((a) => [a.kind, a._count]))).toEqual({ OPEN: 1, RECUR: 19 });
  });

  it('reopens a resolved exception with a fresh SLA and no assignee; a suppressed one only counts', async () => {
    const resolvedId = entityId();
    const first = await raise({ entityId: resolvedId });
    await db().exception.update({ where: { id: first.id }, data: { status: 'RESOLVED', resolvedAt: later(10), resolution: 'fixed' } });
    const reopened = await raise({ entityId: resolvedId, now: later(60) });
    expect(reopened).toMatchObject({ status: 'OPEN', occurrences: 2, resolvedAt: null, resolution: null, assigneeId: null, slaDueAt: new Date(later(60).getTime() + 24 * 3600_000) });

    const suppressedId = entityId();
    const noisy = await raise({ entityId: suppressedId });
    await db().exception.update({ where: { id: noisy.id }, data: { status: 'SUPPRESSED', resolution: 'test client' } });
    const counted = await raise({ entityId: suppressedId, now: later(60) });
    expect(counted).toMatchObject({ status: 'SUPPRESSED', occurrences: 2, resolution: 'test client', slaDueAt: noisy.slaDueAt });
  });

  // FX tests use 2001: the reference-data migration seeds rates from 2025 on, and those
  // (later than the transaction) must not be used.
  const in2001 = new Date('2001-03-01T10:00:00Z');

  it('converts the impact to USD with the rate of the transaction date (or the latest earlier one)', async () => {
    const legalEntity = await createLegalEntity('EUR');
    await createFxRate('EUR', 'USD', '2001-02-27', '1.0812500000');
    await createFxRate('USD', 'JPY', '2001-02-27', '150.0000000000');
    const eur = await raise({
      entityId: entityId(),
      code: 'SHORT_PAY_DEDUCTION',
      entityType: 'CashReceipt',
      legalEntityId: legalEntity.id,
      impact: { amount: '1000.05', currency: 'eur', date: in2001 },
    });
    // 1000.05 × 1.08125 = 1081.3040625 → 1081.30
    expect(eur.financialImpact.toString()).toBe('1081.3');
    expect(eur).toMatchObject({ financialImpactCurrency: 'USD', impactCurrency: 'EUR', legalEntityId: legalEntity.id, recoverability: 'DECISION', ownerTeam: 'FINANCE_AR' });
    expect(eur.impactAmount?.toString()).toBe('1000.05');
    expect(eur.details).toMatchObject({ fx: { status: 'converted', rate: '1.08125', rateDate: '2001-02-27', inverse: false } });

    const jpy = await raise({ entityId: entityId(), code: 'UNAPPLIED_CASH', entityType: 'CashReceipt', impact: { amount: '100', currency: 'JPY', date: in2001 } });
    expect(jpy.financialImpact.toString()).toBe('0.67');
  });

  it('a missing rate: impact 0, original amount kept, details say why; a later rate fills it in', async () => {
    const id = entityId();
    const missing = await raise({ entityId: id, code: 'UNAPPLIED_CASH', entityType: 'CashReceipt', impact: { amount: '5000', currency: 'CHF', date: in2001 } });
    expect(missing.financialImpact.toString()).toBe('0');
    expect(missing.impactAmount?.toString()).toBe('5000');
    expect(missing.impactCurrency).toBe('CHF');
    expect(missing.details).toMatchObject({ fx: { status: 'rate-missing', note: expect.stringContaining('No CHF/USD rate on or before 2001-03-01') } });

    await createFxRate('CHF', 'USD', '2001-03-01', '1.1000000000');
    const filled = await raise({ entityId: id, code: 'UNAPPLIED_CASH', entityType: 'CashReceipt', impact: { amount: '5000', currency: 'CHF', date: in2001 }, now: later(1) });
    expect(filled.financialImpact.toString()).toBe('5500');
    expect(filled.details).toMatchObject({ fx: { status: 'converted' } });
    // A recurrence without an impact keeps the last one.
    const kept = await raise({ entityId: id, code: 'UNAPPLIED_CASH', entityType: 'CashReceipt', now: later(2) });
    expect(kept.financialImpact.toString()).toBe('5500');
  });

  it('links each inbox event once', async () => {
    const id = entityId();
    const held = await createInboxEvent('HELD');
    const other = await createInboxEvent('HELD');
    await raise({ entityId: id, inboxEventId: held.id });
    await raise({ entityId: id, inboxEventId: held.id });
    const exception = await raise({ entityId: id, inboxEventId: other.id });
    const links = await db().exceptionEvent.findMany({ where: { exceptionId: exception.id } });
    expect(links.map((l) => l.inboxEventId).sort()).toEqual([held.id, other.id].sort());
  });

  it('refuses an amount that is not a plain decimal', async () => {
    await expect(raise({ entityId: entityId(), impact: { amount: '1e9', currency: 'USD', date: t0 } })).rejects.toThrow(/decimal/);
  });
});
