// The fixed-fee and retainer models end to end (DESIGN.md §6): a milestone is invoiced only
// once completed, approved and evidenced (its MILESTONE_MISSING_EVIDENCE resolves when the
// evidence comes); a retainer invoices each month's fee in advance and the previous month's
// usage above the included units in arrears, a late usage record as the increment it causes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import { createEngagement, deliver, deliveryConnectors, startTaxSimulator, uniqueId } from '../../../test/fixtures/billing.ts';
import { db } from '../../db/client.ts';
import { milestoneCompletedWorkflow } from '../../workflows/milestone-completed.ts';
import { usageRecordedWorkflow } from '../../workflows/usage-recorded.ts';
import { runBilling } from './run-billing.ts';

let engine: RunningTaxEngine;
beforeAll(async () => {
  engine = await startTaxSimulator();
});
afterAll(async () => engine.stop());

const actor = { type: 'SYSTEM', id: 'test' } as const;
const run = (engagementId: string, asOf: string) => runBilling({ asOf, engagementIds: [engagementId], now: new Date(`${asOf}T06:00:00Z`), actor });
const evidence = [{ uri: 'https://dms.example.com/docs/1', sha256: 'a'.repeat(64) }];

describe('billing run: fixed fee with milestones', () => {
  it('invoices a milestone only with approval and evidence; the evidence resolves its exception', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement({ model: 'FIXED_FEE_MILESTONE', milestones: [{ ref: 'M1', name: 'Design', amount: '40000' }, { ref: 'M2', name: 'Build', amount: '60000' }] });
    const [m1, m2] = engagement.milestones;
    const completed = { engagementRef: engagement.code, milestoneRef: 'M1', completedAt: '2026-05-28T12:00:00Z', approvedBy: 'pm@example.com' };
    await deliver(milestoneCompletedWorkflow, psa, completed);
    const exception = () => db().exception.findUnique({ where: { code_entityType_entityId: { code: 'MILESTONE_MISSING_EVIDENCE', entityType: 'Milestone', entityId: m1!.id } } });
    expect(await exception()).toMatchObject({ status: 'OPEN', recoverability: 'DATA_FIX', impactCurrency: 'USD' });
    expect((await exception())!.impactAmount?.toString()).toBe('40000');
    expect(await db().milestone.findUniqueOrThrow({ where: { id: m1!.id } })).toMatchObject({ status: 'COMPLETED', approvedBy: 'pm@example.com' });

    const waiting = await run(engagement.id, '2026-06-01');
    expect(waiting).toMatchObject({ invoicesIssued: 0, held: [{ code: 'MILESTONE_MISSING_EVIDENCE', sourceId: m1!.id }] });

    // The evidence comes later, without the approver: the approval given stands.
    await deliver(milestoneCompletedWorkflow, psa, { ...completed, approvedBy: undefined, evidence });
    expect(await db().milestone.findUniqueOrThrow({ where: { id: m1!.id } })).toMatchObject({ status: 'BILLABLE', approvedBy: 'pm@example.com' });
    expect(await exception()).toMatchObject({ status: 'RESOLVED' });

    const billed = await run(engagement.id, '2026-06-01');
    expect(billed).toMatchObject({ invoicesIssued: 1, totalsByCurrency: { USD: { subtotal: '40000.00', taxTotal: '1600.00', total: '41600.00' } } });
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: billed.invoices[0]!.id }, include: { lines: { include: { sources: true } } } });
    expect(invoice).toMatchObject({ billingPeriodKey: 'M1' });
    expect(invoice.lines.map((l) => [l.kind, l.description, l.amount.toString(), l.sources.map((s) => s.milestoneId)])).toEqual([['MILESTONE', 'Milestone M1: Design', '40000', [m1!.id]]]);
    expect(await db().milestone.findUniqueOrThrow({ where: { id: m1!.id } })).toMatchObject({ status: 'INVOICED', invoiceLineId: invoice.lines[0]!.id });

    // Completed with everything at once: billable straight away, no exception.
    await deliver(milestoneCompletedWorkflow, psa, { engagementRef: engagement.code, milestoneRef: 'M2', completedAt: '2026-06-10T09:00:00Z', approvedBy: 'pm@example.com', evidence });
    expect(await db().exception.count({ where: { entityId: m2!.id } })).toBe(0);
    expect((await run(engagement.id, '2026-06-15')).totalsByCurrency).toMatchObject({ USD: { subtotal: '60000.00' } });
    expect((await run(engagement.id, '2026-06-15')).invoicesIssued).toBe(0);
  });
});

describe('billing run: retainer with overage', () => {
  it('bills the fee in advance and the overage in arrears, month by month', async () => {
    const { platform } = await deliveryConnectors();
    const engagement = await createEngagement({
      model: 'RETAINER_WITH_OVERAGE',
      currency: 'GBP',
      legalEntityCode: 'GB01',
      taxNexus: 'GB',
      retainer: { monthlyFee: '8000', includedUnits: '1000', overageRate: '4.5', startMonth: '2026-04', months: 12 },
    });
    const usage = (units: string, period = '2026-04') => deliver(usageRecordedWorkflow, platform, { usageId: uniqueId('U'), engagementRef: engagement.code, units, period });

    const april = await run(engagement.id, '2026-04-01');
    expect(april).toMatchObject({ invoicesIssued: 1, totalsByCurrency: { GBP: { subtotal: '8000.00', taxTotal: '1600.00', total: '9600.00' } } });
    expect(april.invoices[0]!.number).toMatch(/^GB01-2026-\d{6}$/);

    await usage('700');
    await usage('500');
    const may = await run(engagement.id, '2026-05-01');
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: may.invoices[0]!.id }, include: { lines: { orderBy: { lineNo: 'asc' }, include: { sources: { orderBy: { quantity: 'asc' } } } } } });
    expect(invoice.billingPeriodKey).toBe('2026-05');
    expect(invoice.lines.map((l) => [l.kind, l.quantity.toString(), l.amount.toString()])).toEqual([
      ['RETAINER_FEE', '1', '8000'],
      ['USAGE_OVERAGE', '200', '900'],
    ]);
    expect(invoice.lines[1]!.sources.map((s) => [s.quantity?.toString(), s.amount.toString()])).toEqual([['0', '0'], ['200', '900']]);

    // April usage reported late: the May key is billed again for the increment only.
    await usage('100');
    const late = await run(engagement.id, '2026-05-02');
    expect(late).toMatchObject({ invoicesIssued: 1, totalsByCurrency: { GBP: { subtotal: '450.00' } } });
    expect((await run(engagement.id, '2026-05-02')).invoicesIssued).toBe(0);
  });
});
