// The queue's sort orders and keyset pagination on a real PostgreSQL: walking every
// order page by page, with many ties, yields exactly the full order (no duplicates, no
// gaps); filters narrow it; cursors from elsewhere are refused.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { OwnerTeam, type ExceptionCode, type ExceptionStatus, type Recoverability } from '../../db/generated/enums.ts';
import { isAppError } from '../../errors.ts';
import { createInboxEvent, createLegalEntity, createPerson } from '../../../test/fixtures/exceptions.ts';
import { testConnector } from '../../../test/support/ingest.ts';
import { raiseException } from '../../services/exceptions/raise-exception.ts';
import { encodeCursor } from './exception-cursor.ts';
import { exceptionSorts, type ExceptionSort } from './exception-sort.ts';
import { listExceptions, type ListExceptionsOptions } from './list-exceptions.ts';

const correlationId = `corr-${randomUUID()}`;
const kinds: [ExceptionCode, Recoverability, number, OwnerTeam][] = [
  ['UNMAPPED_SERVICE_SKU', 'DATA_FIX', 0, 'SALES_OPS'],
  ['SHORT_PAY_DEDUCTION', 'DECISION', 0, 'FINANCE_AR'],
  ['TAX_ENGINE_UNAVAILABLE', 'TRANSIENT', 1, 'INTEGRATION_OPS'],
  ['SCHEMA_INVALID', 'PERMANENT', 2, 'INTEGRATION_OPS'],
];
const statuses: ExceptionStatus[] = ['OPEN', 'ASSIGNED', 'RESOLVED', 'SUPPRESSED'];
const impacts = ['0', '100', '100', '250.5', '1000000.01'];
const times = ['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z', '2026-03-03T12:00:00Z'].map((t) => new Date(t));

interface Seeded {
  id: string;
  status: ExceptionStatus;
  code: ExceptionCode;
  recoverability: Recoverability;
  recoverabilityRank: number;
  ownerTeam: OwnerTeam;
  financialImpact: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  slaDueAt: Date | null;
  occurrences: number;
  assigneeId: string | null;
}
let rows: Seeded[] = [];
let assigneeId = '';

beforeAll(async () => {
  assigneeId = (await createPerson('INTEGRATION_OPS')).user.id;
  // 41 rows: values cycle with co-prime periods, so every key has plenty of ties.
  rows = Array.from({ length: 41 }, (_, i) => {
    const [code, recoverability, recoverabilityRank, ownerTeam] = kinds[i % 4]!;
    return {
      id: randomUUID(),
      status: statuses[i % 3]!,
      code,
      recoverability,
      recoverabilityRank,
      ownerTeam,
      financialImpact: impacts[i % 5]!,
      firstSeenAt: times[i % 4]!,
      lastSeenAt: times[(i * 3) % 4]!,
      slaDueAt: i % 7 === 0 ? null : times[i % 2]!,
      occurrences: 1 + (i % 3),
      assigneeId: i % 3 === 1 ? assigneeId : null,
    };
  });
  await db().exception.createMany({
    data: rows.map((r, i) => ({ ...r, entityType: 'Quote' as const, entityId: `q-${i}`, correlationId, title: `row ${i}` })),
  });
});

// The expected order, computed independently: null as the largest value, then id — in the
// order's direction (ascending for the default order).
function expectedOrder(sort: ExceptionSort, subset: Seeded[] = rows): string[] {
  const num = (r: Seeded, field: string): number | null => {
    if (field === 'financialImpact') return Number(r.financialImpact); // test data only: exact in a double
    if (field === 'ownerTeam') return Object.values(OwnerTeam).indexOf(r.ownerTeam); // the enum's declared order
    const value = r[field as keyof Seeded];
    return value === null ? null : value instanceof Date ? value.getTime() : Number(value);
  };
  const keys: [string, 1 | -1][] = sort === 'default' ? [['recoverabilityRank', 1], ['financialImpact', -1]] : [[sort.replace('-', ''), sort.startsWith('-') ? -1 : 1]];
  return [...subset]
    .sort((a, b) => {
      for (const [field, dir] of keys) {
        const x = num(a, field);
        const y = num(b, field);
        if (x === y) continue;
        // A missing value counts as the largest: last ascending, first descending.
        if (x === null) return dir;
        if (y === null) return -dir;
        return (x - y) * dir;
      }
      const idDirection = sort.startsWith('-') ? -1 : 1;
      return a.id < b.id ? -idDirection : idDirection;
    })
    .map((r) => r.id);
}

async function walk(options: ListExceptionsOptions): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listExceptions({ correlationId, ...options, cursor });
    expect(result.items.length).toBeLessThanOrEqual(options.limit ?? 50);
    ids.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('listExceptions: keyset pagination', () => {
  it.each(exceptionSorts)('sort=%s, pages of 4: the full order, nothing twice, nothing missing', async (sort) => {
    const ids = await walk({ sort, limit: 4 });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expectedOrder(sort));
  });

  it.each(['default', '-financialImpact', 'slaDueAt'] as const)('sort=%s with a filter, pages of 1 and of 200', async (sort) => {
    const subset = rows.filter((r) => r.status === 'OPEN' || r.status === 'ASSIGNED');
    expect(await walk({ sort, limit: 1, status: ['OPEN', 'ASSIGNED'] })).toEqual(expectedOrder(sort, subset));
    expect(await walk({ sort, limit: 200, status: ['OPEN', 'ASSIGNED'] })).toEqual(expectedOrder(sort, subset));
  });

  it('the default order puts DATA_FIX and DECISION first by impact, then TRANSIENT, then PERMANENT', async () => {
    const { items } = await listExceptions({ correlationId, limit: 200 });
    const ranks = items.map((i) => ({ DATA_FIX: 0, DECISION: 0, TRANSIENT: 1, PERMANENT: 2 })[i.recoverability]);
    expect(ranks).toEqual([...ranks].sort());
    expect(items[0]?.financialImpact).toEqual({ amount: '1000000.01', currency: 'USD' });
  });

  it('limits: default 50, at most 200, at least 1', async () => {
    expect((await listExceptions({ correlationId })).items).toHaveLength(41);
    expect((await listExceptions({ correlationId, limit: 1000 })).items).toHaveLength(41);
    expect((await listExceptions({ correlationId, limit: 0 })).items).toHaveLength(1);
  });
});

describe('listExceptions: filters', () => {
  const ids = (list: Seeded[]) => list.map((r) => r.id).sort();
  const got = async (options: ListExceptionsOptions) => (await listExceptions({ correlationId, limit: 200, ...options })).items.map((i) => i.id).sort();

  it('by status, code, owner, recoverability, assignee, entity', async () => {
    expect(await got({ status: ['RESOLVED'] })).toEqual(ids(rows.filter((r) => r.status === 'RESOLVED')));
    expect(await got({ code: ['SCHEMA_INVALID', 'SHORT_PAY_DEDUCTION'] })).toEqual(ids(rows.filter((r) => ['SCHEMA_INVALID', 'SHORT_PAY_DEDUCTION'].includes(r.code))));
    expect(await got({ owner: ['INTEGRATION_OPS'] })).toEqual(ids(rows.filter((r) => r.ownerTeam === 'INTEGRATION_OPS')));
    expect(await got({ recoverability: ['DECISION'], status: ['OPEN'] })).toEqual(ids(rows.filter((r) => r.recoverability === 'DECISION' && r.status === 'OPEN')));
    expect(await got({ assigneeId })).toEqual(ids(rows.filter((r) => r.assigneeId === assigneeId)));
    expect(await got({ assigneeId: null })).toEqual(ids(rows.filter((r) => r.assigneeId === null)));
    expect(await got({ entityType: 'Quote', entityId: 'q-7' })).toEqual([rows[7]!.id]);
    expect(await got({ entityType: 'Invoice' })).toEqual([]);
  });
});

describe('listExceptions: legal entity and connector filters', () => {
  it('by legal entity code, and by the connector of the event it was raised about', async () => {
    const [entity, other] = [await createLegalEntity(), await createLegalEntity()];
    const code = `c${randomUUID().slice(0, 8)}`;
    const connector = await testConnector({ code, kind: 'CRM', sources: [`crm://${code}`] });
    const event = await createInboxEvent();
    await db().inboxEvent.update({ where: { id: event.id }, data: { connectorId: connector.id } });
    const corr = `corr-${randomUUID()}`;
    const make = (legalEntityId: string | null, inboxEventId?: string) =>
      db().$transaction((tx) => raiseException(tx, { code: 'UNMAPPED_SERVICE_SKU', entityType: 'Quote', entityId: `f-${randomUUID()}`, correlationId: corr, legalEntityId: legalEntityId ?? undefined, inboxEventId, now: new Date() }));
    const [inEntity, inOther, fromConnector] = [await make(entity.id), await make(other.id), await make(null, event.id)];
    expect(fromConnector.connectorId).toBe(connector.id);
    const ids = async (options: ListExceptionsOptions) => (await listExceptions({ correlationId: corr, ...options })).items.map((i) => i.id).sort();

    expect(await ids({ legalEntity: [entity.code] })).toEqual([inEntity.id]);
    expect(await ids({ legalEntity: [entity.code, other.code] })).toEqual([inEntity.id, inOther.id].sort());
    expect(await ids({ legalEntity: ['NO-SUCH-ENTITY'] })).toEqual([]);
    expect(await ids({ connector: [code] })).toEqual([fromConnector.id]);
    expect(await ids({ connector: ['no-such-connector'] })).toEqual([]);
    expect(await ids({ connector: [code], legalEntity: [entity.code] })).toEqual([]);
  });
});

describe('listExceptions: cursors', () => {
  async function code(promise: Promise<unknown>) {
    try {
      await promise;
      return 'ok';
    } catch (error) {
      return isAppError(error) ? error.code : 'unexpected';
    }
  }

  it.each([
    ['garbage', 'not-a-cursor'],
    ['valid base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['a cursor of another sort', encodeCursor('lastSeenAt', ['2026-03-01T00:00:00.000Z', randomUUID()])],
    ['the wrong shape', encodeCursor('default', [0, 'abc', randomUUID()])],
    ['too few values', encodeCursor('default', [0])],
  ])('refuses %s with a 400', async (_name, cursor) => {
    expect(await code(listExceptions({ correlationId, cursor }))).toBe('VALIDATION_FAILED');
  });

  it('a row added before the cursor does not shift the next page', async () => {
    const first = await listExceptions({ correlationId, sort: '-occurrences', limit: 5 });
    // Sorts first of all (99 occurrences): an OFFSET page would now repeat a row.
    const late = await db().exception.create({
      data: { code: 'UNMAPPED_SERVICE_SKU', entityType: 'Quote', entityId: `late-${randomUUID()}`, correlationId, title: 'x', recoverability: 'DATA_FIX', recoverabilityRank: 0, ownerTeam: 'SALES_OPS', occurrences: 99 },
    });
    try {
      const second = await listExceptions({ correlationId, sort: '-occurrences', limit: 5, cursor: first.nextCursor! });
      expect(second.items.map((i) => i.id)).toEqual(expectedOrder('-occurrences').slice(5, 10));
    } finally {
      await db().exception.delete({ where: { id: late.id } });
    }
  });
});
