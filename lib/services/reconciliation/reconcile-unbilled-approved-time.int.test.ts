// Unbilled approved time on a real database: T&M time a whole cadence past its billing is
// one finding per engagement with its amount in USD; a repeat run counts an occurrence;
// billing the time clears it; a person's write-off takes the time out of the finding, and
// time going unbilled afterwards reopens it. Tests run in order on one database (the job reads everything).
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createFxRate, createPerson } from '../../../test/fixtures/exceptions.ts';
import { addTime, createEngagement, invoiceTime, type TestEngagement } from '../../../test/fixtures/revenue.ts';
import { exceptionFor, exceptionsOf, reconcile } from '../../../test/support/reconciliation.ts';
import { performExceptionAction } from '../exceptions/perform-exception-action.ts';

let gb: TestEngagement;
let overdue: { id: string; amount: string }[] = [];

describe('reconciliation: unbilled approved time', () => {
  it('finds nothing on a clean dataset: billed, recent, non-billable, superseded, unapproved and fixed-fee time', async () => {
    gb = await createEngagement({ model: 'TIME_AND_MATERIALS', legalEntityCode: 'GB01', contractValue: '50000', acceptedOn: '2026-01-05' });
    const billed = await addTime(gb, { workDate: '2026-03-02', amount: '800' });
    await invoiceTime(gb, { issuedOn: '2026-03-09', time: [{ id: billed.id, amount: '800' }] });
    await addTime(gb, { workDate: '2026-04-01', amount: '900' }); // its week ends 04-05: overdue from 04-13
    await addTime(gb, { workDate: '2026-03-02', billable: false });
    await addTime(gb, { workDate: '2026-03-02', amount: '700', supersededOn: '2026-03-04' });
    await addTime(gb, { workDate: '2026-03-02', amount: '600', approvalStatus: 'SUBMITTED', approvedOn: null });
    const fixedFee = await createEngagement({ model: 'FIXED_FEE_MILESTONE', contractValue: '90000', acceptedOn: '2026-01-05' });
    await addTime(fixedFee, { workDate: '2026-02-02', amount: '1000' }); // cost on fixed fee, never billed by the hour

    const summary = await reconcile('unbilled-approved-time', '2026-04-05T12:00:00Z');
    expect(summary).toMatchObject({ code: 'UNBILLED_APPROVED_TIME', findings: 0, opened: 0, cleared: 0 });
    expect(await exceptionsOf('UNBILLED_APPROVED_TIME')).toEqual([]);
  });

  it('raises one exception per engagement with the unbilled amount, converted to USD', async () => {
    await createFxRate('GBP', 'USD', '2026-04-03', '1.25'); // after the reference rate of 04-01: the latest on or before asOf wins
    const a = await addTime(gb, { workDate: '2026-03-09', amount: '1000.005', hours: '8' }); // week ends 03-15: due by 03-23
    const b = await addTime(gb, { workDate: '2026-03-17', approvedOn: '2026-03-18', amount: '500', hours: '4' }); // due by 03-30
    overdue = [{ id: a.id, amount: '1000.005' }, { id: b.id, amount: '500' }];

    const summary = await reconcile('unbilled-approved-time', '2026-04-05T12:00:00Z');
    expect(summary).toMatchObject({ findings: 1, opened: 1, recurred: 0, impactUsd: '1875.01' });
    const exception = await exceptionFor('UNBILLED_APPROVED_TIME', gb.id);
    expect(exception).toMatchObject({ entityType: 'Engagement', status: 'OPEN', occurrences: 1, ownerTeam: 'FINANCE_AR', recoverability: 'DECISION', correlationId: gb.correlationId, impactCurrency: 'GBP' });
    expect(exception.impactAmount?.toString()).toBe('1500.005');
    expect(exception.financialImpact.toString()).toBe('1875.01');
    expect(exception.details).toMatchObject({ entries: 2, hours: '12.00', cadence: 'WEEKLY', oldestWorkDate: '2026-03-09', reconciliation: { job: 'unbilled-approved-time' } });
  });

  it('a repeat run counts an occurrence, not a new exception', async () => {
    const summary = await reconcile('unbilled-approved-time', '2026-04-05T13:00:00Z');
    expect(summary).toMatchObject({ findings: 1, opened: 0, recurred: 1 });
    const rows = await exceptionsOf('UNBILLED_APPROVED_TIME');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ occurrences: 2, status: 'OPEN' });
  });

  it('billing the time clears it (resolved by the system, with an action and an audit record)', async () => {
    await invoiceTime(gb, { issuedOn: '2026-04-06', time: overdue });
    const summary = await reconcile('unbilled-approved-time', '2026-04-06T12:00:00Z');
    expect(summary).toMatchObject({ findings: 0, cleared: 1 });
    const exception = await exceptionFor('UNBILLED_APPROVED_TIME', gb.id);
    expect(exception).toMatchObject({ status: 'RESOLVED', resolution: expect.stringContaining('no longer finds this') });
    expect(await db().exceptionAction.count({ where: { exceptionId: exception.id, kind: 'RESOLVE', actorType: 'SYSTEM', actorId: 'reconciliation:unbilled-approved-time' } })).toBe(1);
    expect(await db().auditRecord.count({ where: { entityId: exception.id, action: 'exception.resolved' } })).toBe(1);
  });

  it('a write-off takes the time out of the finding; time going unbilled afterwards reopens it with that time only', async () => {
    const finance = await createPerson('FINANCE');
    await addTime(gb, { workDate: '2026-03-10', amount: '300' });
    expect(await reconcile('unbilled-approved-time', '2026-04-07T12:00:00Z')).toMatchObject({ findings: 1, reopened: 1 });
    const exception = await exceptionFor('UNBILLED_APPROVED_TIME', gb.id);
    await performExceptionAction({ exceptionId: exception.id, action: 'approve', actor: finance.actor, note: 'Write it off: the client will not pay for onboarding time.', now: new Date() });

    // The written-off time is not unbilled any more: nothing is found (lib/services/billing/write-off-unbilled-time.int.test.ts has the rest).
    expect(await reconcile('unbilled-approved-time', '2026-04-07T13:00:00Z')).toMatchObject({ findings: 0, keptClosed: 0, reopened: 0, recurred: 0 });
    expect(await exceptionFor('UNBILLED_APPROVED_TIME', gb.id)).toMatchObject({ status: 'RESOLVED' });

    await addTime(gb, { workDate: '2026-03-11', amount: '50' });
    expect(await reconcile('unbilled-approved-time', '2026-04-07T14:00:00Z')).toMatchObject({ findings: 1, reopened: 1 });
    const reopened = await exceptionFor('UNBILLED_APPROVED_TIME', gb.id);
    expect(reopened).toMatchObject({ status: 'OPEN' });
    expect(reopened.impactAmount?.toString()).toBe('50');
  });
});
