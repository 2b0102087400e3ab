// Period close (DESIGN.md §6): nothing posts into a closed accounting period. An invoice
// dated in a closed month is issued into the next open month, flagged late, with a
// LATE_PERIOD_POSTING decision for finance — and the ERP is told which period it went to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import { createEmployee, createEngagement, deliver, deliveryConnectors, startTaxSimulator, timesheet } from '../../../test/fixtures/billing.ts';
import { db } from '../../db/client.ts';
import { timesheetApprovedWorkflow } from '../../workflows/timesheet-approved.ts';
import { runBilling } from './run-billing.ts';

let engine: RunningTaxEngine;
beforeAll(async () => {
  engine = await startTaxSimulator();
});
afterAll(async () => engine.stop());

describe('billing run: closed period', () => {
  it('posts an invoice dated in a closed month to the next open one and flags it', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement();
    const employee = await createEmployee();
    await deliver(timesheetApprovedWorkflow, psa, timesheet(engagement.code, employee.externalId, [{ date: '2026-03-25', hours: '4', role: 'PARTNER' }]));
    await db().accountingPeriod.updateMany({ where: { legalEntity: { code: 'US01' }, period: '2026-03' }, data: { status: 'CLOSED', closedAt: new Date('2026-04-01T00:00:00Z') } });

    const summary = await runBilling({ asOf: '2026-03-31', engagementIds: [engagement.id], now: new Date('2026-04-02T08:00:00Z'), actor: { type: 'SYSTEM', id: 'test' } });
    expect(summary).toMatchObject({ invoicesIssued: 1, invoices: [{ accountingPeriod: '2026-04', latePosting: true }] });
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: summary.invoices[0]!.id }, include: { accountingPeriod: true } });
    expect(invoice).toMatchObject({ latePosting: true, billingPeriodKey: '2026-W13' });
    expect(invoice.issueDate?.toISOString().slice(0, 10)).toBe('2026-03-31');
    expect(invoice.accountingPeriod?.period).toBe('2026-04');
    const exception = await db().exception.findUnique({ where: { code_entityType_entityId: { code: 'LATE_PERIOD_POSTING', entityType: 'Invoice', entityId: invoice.id } } });
    expect(exception).toMatchObject({ recoverability: 'DECISION', ownerTeam: 'FINANCE_AR', status: 'OPEN', details: { originalPeriod: '2026-03', postedPeriod: '2026-04' } });
    const command = await db().outboxCommand.findFirstOrThrow({ where: { kind: 'POST_INVOICE', entityId: invoice.id } });
    expect(command.payload).toMatchObject({ accountingPeriod: '2026-04', latePosting: true, issueDate: '2026-03-31' });
  });
});
