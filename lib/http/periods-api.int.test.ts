// The period-close API end to end on a real database: real Requests with personal API
// tokens against the route handlers. Months close in order, after their end, not while
// invoices of the month are drafts or wait for tax; the latest closed month reopens with a
// reason; every change is audited; a late invoice or revenue entry goes to the next open
// month, flagged, and the list counts it on both sides. The clock is frozen per test.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as closeRoute } from '@/app/api/v1/periods/[legalEntityCode]/[period]/close/route';
import { POST as reopenRoute } from '@/app/api/v1/periods/[legalEntityCode]/[period]/reopen/route';
import { GET as listRoute } from '@/app/api/v1/periods/route';
import type { RunningTaxEngine } from '../../simulators/tax-engine/server.ts';
import { createEmployee, createEngagement, deliver, deliveryConnectors, startTaxSimulator, timesheet } from '../../test/fixtures/billing.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { addTime, createEngagement as createRevenueEngagement } from '../../test/fixtures/revenue.ts';
import { runThrough } from '../../test/support/revenue-ledger.ts';
import { db } from '../db/client.ts';
import { addMonths } from '../domain/periods/calendar-date.ts';
import { runBilling } from '../services/billing/run-billing.ts';
import { periodsForPosting } from '../services/periods/periods-for-posting.ts';
import { timesheetApprovedWorkflow } from '../workflows/timesheet-approved.ts';
import { accountingPeriodListSchema, periodActionResultSchema } from './schemas/periods.ts';

let engine: RunningTaxEngine;
beforeAll(async () => {
  engine = await startTaxSimulator();
});
afterAll(async () => engine.stop());
afterEach(() => vi.useRealTimers());

function freeze(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

type Headers = Record<string, string>;
const at = (legalEntityCode: string, period: string) => ({ params: Promise.resolve({ legalEntityCode, period }) });
const post = (path: string, headers: Headers, body?: unknown) =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const close = (entity: string, period: string, headers: Headers) => closeRoute(post(`/api/v1/periods/${entity}/${period}/close`, headers), at(entity, period));
const reopen = (entity: string, period: string, headers: Headers, body: unknown) => reopenRoute(post(`/api/v1/periods/${entity}/${period}/reopen`, headers, body), at(entity, period));
const list = (query: string, headers: Headers) => listRoute(new Request(`http://localhost/api/v1/periods?${query}`, { headers }), { params: Promise.resolve({}) });

async function periodsOf(entity: string, year: number, headers: Headers) {
  const response = await list(`legalEntityCode=${entity}&year=${year}`, headers);
  expect(response.status).toBe(200);
  return new Map(accountingPeriodListSchema.parse(await response.json()).items.map((p) => [p.period, p]));
}

/** Closes every month from `from` through `through` in order, expecting each to close. */
async function closeThrough(entity: string, from: string, through: string, headers: Headers) {
  for (let month = from; month <= through; month = addMonths(month, 1)) {
    const response = await close(entity, month, headers);
    expect(response.status, `${entity} ${month}`).toBe(200);
  }
}

async function expectProblem(response: Response, status: number, extra: Record<string, unknown> = {}) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = await response.json();
  expect(problem).toMatchObject({ status, ...extra });
  return problem;
}

describe('period-close API: who may, and what is refused', () => {
  it('401 without a token, 403 without periods:close, 400 for a bad query or reason, 404 for what names nothing', async () => {
    freeze('2026-05-10T09:00:00Z');
    const finance = await createPerson('FINANCE');
    const executive = await createPerson('EXECUTIVE');
    const delivery = await createPerson('DELIVERY');

    await expectProblem(await close('GB01', '2025-01', {}), 401);
    await expectProblem(await list('legalEntityCode=GB01', {}), 401);
    await expectProblem(await close('GB01', '2025-01', executive.bearer), 403);
    await expectProblem(await reopen('GB01', '2025-01', delivery.bearer, { reason: 'x' }), 403);
    // Reading the periods is a business read: everyone with invoices:read.
    expect((await list('legalEntityCode=GB01&year=2025', executive.bearer)).status).toBe(200);

    await expectProblem(await list('year=2026', finance.bearer), 400);
    await expectProblem(await list('legalEntityCode=GB01&year=twenty', finance.bearer), 400);
    await expectProblem(await list('legalEntityCode=ZZ99', finance.bearer), 404);
    await expectProblem(await close('GB01', '2026-13', finance.bearer), 404);
    await expectProblem(await close('ZZ99', '2026-01', finance.bearer), 404);
    await expectProblem(await close('GB01', '2031-01', finance.bearer), 404, { detail: 'GB01 has no accounting period 2031-01.' });
    await expectProblem(await reopen('GB01', '2025-01', finance.bearer, {}), 400);
    await expectProblem(await reopen('GB01', '2025-01', finance.bearer, { reason: '   ' }), 400);
    // Nothing of that changed a period or wrote an audit record.
    expect(await db().accountingPeriod.count({ where: { status: 'CLOSED' } })).toBe(0);
    expect(await db().auditRecord.count({ where: { entityType: 'AccountingPeriod' } })).toBe(0);
  });

  it('months close in order and only after their end; a repeat is success without a second audit record', async () => {
    freeze('2026-03-10T09:00:00Z');
    const finance = await createPerson('FINANCE');
    const admin = await createPerson('ADMIN');

    const outOfOrder = await expectProblem(await close('IN01', '2025-03', finance.bearer), 409, { reason: 'EARLIER_PERIOD_OPEN', earlierOpen: ['2025-01', '2025-02'] });
    expect(outOfOrder.detail).toContain('close 2025-01, 2025-02 of IN01 first');

    const first = await close('IN01', '2025-01', admin.bearer);
    expect(first.status).toBe(200);
    expect(periodActionResultSchema.parse(await first.json())).toMatchObject({
      changed: true,
      period: { legalEntityCode: 'IN01', period: '2025-01', status: 'CLOSED', closedAt: '2026-03-10T09:00:00.000Z', closedBy: { id: admin.user.id, name: 'ADMIN person' } },
    });
    const again = await close('IN01', '2025-01', finance.bearer);
    expect(await again.json()).toMatchObject({ changed: false, period: { status: 'CLOSED', closedBy: { id: admin.user.id } } });
    expect(await db().auditRecord.count({ where: { entityType: 'AccountingPeriod', action: 'accounting-period.closed' } })).toBe(1);

    await closeThrough('IN01', '2025-02', '2026-02', finance.bearer);
    await expectProblem(await close('IN01', '2026-03', finance.bearer), 409, { reason: 'PERIOD_NOT_ENDED', endsOn: '2026-03-31' });

    const months = await periodsOf('IN01', 2026, finance.bearer);
    expect([...months.keys()]).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect([...months.values()].map((p) => p.status)).toEqual(['CLOSED', 'CLOSED', ...Array(10).fill('OPEN')]);
    expect(months.get('2026-03')).toMatchObject({ closedAt: null, closedBy: null, startDate: '2026-03-01', endDate: '2026-03-31' });
  });

  it('two finance people closing the same month at once: one closes it, the other is told it was done', async () => {
    freeze('2026-03-10T09:00:00Z');
    const [a, b] = [await createPerson('FINANCE'), await createPerson('FINANCE')];
    const answers = await Promise.all([close('GB01', '2025-01', a.bearer), close('GB01', '2025-01', b.bearer)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const changed = await Promise.all(answers.map(async (r) => (await r.json()).changed));
    expect(changed.sort()).toEqual([false, true]);
    expect(await db().auditRecord.count({ where: { entityType: 'AccountingPeriod', action: 'accounting-period.closed', after: { path: ['legalEntityCode'], equals: 'GB01' } } })).toBe(1);
  });

  it('a close waits for a posting that is deciding against the periods (FOR SHARE), then closes', async () => {
    freeze('2026-03-10T09:00:00Z');
    const finance = await createPerson('FINANCE');
    const gb01 = await db().legalEntity.findUniqueOrThrow({ where: { code: 'GB01' } });
    let closing: Promise<Response> | undefined;
    let settledWhilePosting = false;
    await db().$transaction(async (tx) => {
      const periods = await periodsForPosting(tx, [gb01.id]);
      expect(periods.find((p) => p.period === '2025-02')?.status).toBe('OPEN');
      closing = close('GB01', '2025-02', finance.bearer);
      void closing.then(() => (settledWhilePosting = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(settledWhilePosting, 'the close waited for the posting transaction').toBe(false);
    expect(await (await closing!).json()).toMatchObject({ changed: true, period: { status: 'CLOSED' } });
  });
});

describe('period close with the billing run and revenue', () => {
  it('refuses while invoices of the month are drafts or wait for tax, naming them; closes once they are issued or void', async () => {
    freeze('2026-03-05T09:00:00Z');
    const finance = await createPerson('FINANCE');
    await closeThrough('US01', '2025-01', '2025-12', finance.bearer);
    const engagement = await createEngagement();
    const pending = (status: 'DRAFT' | 'AWAITING_TAX', issueDate: string) =>
      db().invoice.create({
        data: { legalEntityId: engagement.legalEntityId, clientId: engagement.clientId, engagementId: engagement.id, correlationId: engagement.correlationId, currency: 'USD', status, issueDate: new Date(`${issueDate}T00:00:00Z`) },
      });
    const draft = await pending('DRAFT', '2026-01-30');
    const awaiting = await pending('AWAITING_TAX', '2026-01-31');
    const february = await pending('DRAFT', '2026-02-02'); // February's: does not hold January

    const problem = await expectProblem(await close('US01', '2026-01', finance.bearer), 409, {
      reason: 'PENDING_INVOICES',
      awaitingTax: [{ id: awaiting.id, status: 'AWAITING_TAX', engagementCode: engagement.code }],
      drafts: [{ id: draft.id, status: 'DRAFT', engagementCode: engagement.code }],
    });
    expect(problem.detail).toContain(`1 awaiting tax (${engagement.code} ${awaiting.id}); 1 draft (${engagement.code} ${draft.id})`);

    await db().invoice.updateMany({ where: { id: { in: [draft.id, awaiting.id] } }, data: { status: 'VOID' } });
    expect((await close('US01', '2026-01', finance.bearer)).status).toBe(200);
    // ... but February's draft holds February.
    await expectProblem(await close('US01', '2026-02', finance.bearer), 409, { reason: 'PENDING_INVOICES', awaitingTax: [], drafts: [{ id: february.id }] });
    await db().invoice.update({ where: { id: february.id }, data: { status: 'VOID' } });
  });

  it('an invoice dated in a closed month posts into the next open one, flagged, and the list counts it on both sides', async () => {
    // Real clock: the tax connector's token is valid from now, so the run must not be frozen before it.
    const finance = await createPerson('FINANCE');
    await closeThrough('US01', '2026-02', '2026-03', finance.bearer);
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement();
    const employee = await createEmployee();
    await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [{ date: '2026-03-25', hours: '4', role: 'PARTNER' }]));

    const summary = await runBilling({ asOf: '2026-03-31', engagementIds: [engagement.id], now: new Date('2026-04-02T08:00:00Z'), actor: { type: 'USER', id: finance.user.id } });
    expect(summary).toMatchObject({ invoicesIssued: 1, invoices: [{ accountingPeriod: '2026-04', latePosting: true }] });

    const months = await periodsOf('US01', 2026, finance.bearer);
    expect(months.get('2026-03')).toMatchObject({ status: 'CLOSED', posted: { invoices: 0 }, movedOutLate: { invoices: 1, revenueEntries: 0 } });
    expect(months.get('2026-04')).toMatchObject({ status: 'OPEN', posted: { invoices: 1 }, postedLate: { invoices: 1 }, movedOutLate: { invoices: 0 } });
  });

  it('revenue of a closed month posts into the next open one, flagged, counted on both sides', async () => {
    freeze('2026-03-02T08:00:00Z');
    const finance = await createPerson('FINANCE');
    const engagement = await createRevenueEngagement({ model: 'TIME_AND_MATERIALS', legalEntityCode: 'DE01', contractValue: '20000', acceptedOn: '2026-02-02' });
    await addTime(engagement, { workDate: '2026-02-09', approvedOn: '2026-02-13', amount: '2000' });
    await closeThrough('DE01', '2025-01', '2026-02', finance.bearer);
    vi.useRealTimers();
    expect(await runThrough('2026-03-31', { engagementIds: [engagement.id] })).toMatchObject({ entriesPosted: 1, lateEntries: 1 });

    const months = await periodsOf('DE01', 2026, finance.bearer);
    expect(months.get('2026-02')).toMatchObject({ posted: { revenueEntries: 0 }, movedOutLate: { revenueEntries: 1, invoices: 0 } });
    expect(months.get('2026-03')).toMatchObject({ posted: { revenueEntries: 1 }, postedLate: { revenueEntries: 1 } });
  });
});

describe('reopening', () => {
  it('reopens only the latest closed month, with a reason, audited; late items stay where they posted', async () => {
    freeze('2026-04-03T08:00:00Z');
    const finance = await createPerson('FINANCE');
    const admin = await createPerson('ADMIN');
    // US01 is closed through 2026-03 by the tests above (one database per file, in order).
    await expectProblem(await reopen('US01', '2026-02', finance.bearer, { reason: 'restatement' }), 409, { reason: 'NOT_LATEST_CLOSED', laterClosed: ['2026-03'] });

    const march = await db().accountingPeriod.findFirstOrThrow({ where: { legalEntity: { code: 'US01' }, period: '2026-03' } });
    const response = await reopen('US01', '2026-03', admin.bearer, { reason: '  Vendor credit found after close ' });
    expect(response.status).toBe(200);
    expect(periodActionResultSchema.parse(await response.json())).toMatchObject({ changed: true, period: { period: '2026-03', status: 'OPEN', closedAt: null, closedBy: null, movedOutLate: { invoices: 1 } } });
    const audit = await db().auditRecord.findFirstOrThrow({ where: { entityType: 'AccountingPeriod', entityId: march.id, action: 'accounting-period.reopened' } });
    expect(audit).toMatchObject({
      actorType: 'USER',
      actorId: admin.user.id,
      before: { legalEntityCode: 'US01', period: '2026-03', status: 'CLOSED', closedAt: march.closedAt!.toISOString(), closedById: march.closedById },
      after: { legalEntityCode: 'US01', period: '2026-03', status: 'OPEN', closedAt: null, closedById: null, reason: 'Vendor credit found after close' },
    });
    const closed = await db().auditRecord.findFirstOrThrow({ where: { entityId: march.id, action: 'accounting-period.closed' } });
    expect(closed).toMatchObject({ before: { status: 'OPEN', closedAt: null }, after: { status: 'CLOSED', closedById: march.closedById } });

    expect(await (await reopen('US01', '2026-03', finance.bearer, { reason: 'again' })).json()).toMatchObject({ changed: false, period: { status: 'OPEN' } });
    expect(await db().auditRecord.count({ where: { entityId: march.id, action: 'accounting-period.reopened' } })).toBe(1);
    // Reopening February now works (latest closed), and closing again goes forward in order.
    expect((await reopen('US01', '2026-02', finance.bearer, { reason: 'restatement' })).status).toBe(200);
    await expectProblem(await close('US01', '2026-03', finance.bearer), 409, { reason: 'EARLIER_PERIOD_OPEN', earlierOpen: ['2026-02'] });
    await closeThrough('US01', '2026-02', '2026-03', finance.bearer);
  });
});
