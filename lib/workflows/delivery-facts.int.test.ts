// The other delivery workflows on a real database: expenses and usage upserted by the
// sender's id (a correction applies until the fact is billed), milestone completions that
// wait for evidence, and the ERP's confirmation of an issued invoice.
import { describe, expect, it } from 'vitest';
import { createEngagement, deliver, deliveryConnectors, uniqueId } from '../../test/fixtures/billing.ts';
import { db } from '../db/client.ts';
import { expenseApprovedWorkflow } from './expense-approved.ts';
import { invoicePostedWorkflow } from './invoice-posted.ts';
import { milestoneCompletedWorkflow } from './milestone-completed.ts';
import { usageRecordedWorkflow } from './usage-recorded.ts';
import { WorkflowHold } from './workflow.ts';

describe('q2c.expense.approved.v1 and q2c.usage.recorded.v1', () => {
  it('records an expense once, applies a correction, keeps an invoiced one as billed', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement();
    const data = { expenseId: uniqueId('X'), engagementRef: engagement.code, amount: '412.80', currency: 'USD', billable: true, category: 'EXP-TRAVEL', date: '2026-03-29' };
    expect((await deliver(expenseApprovedWorkflow, psa, data)).outcome).toEqual({ status: 'applied', note: 'Expense recorded.' });
    expect((await deliver(expenseApprovedWorkflow, psa, data)).outcome).toEqual({ status: 'applied', note: 'No change.' });
    expect((await deliver(expenseApprovedWorkflow, psa, { ...data, amount: '400' })).outcome).toEqual({ status: 'applied', note: 'Expense updated: amount.' });
    const row = await db().expense.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: 'psa', externalId: data.expenseId } }, include: { serviceCatalogItem: true } });
    expect([row.amount.toString(), row.serviceCatalogItem?.sku, row.engagementId]).toEqual(['400', 'EXP-TRAVEL', engagement.id]);
    expect((await db().auditRecord.findMany({ where: { entityId: row.id }, orderBy: { at: 'asc' } })).map((a) => a.action)).toEqual(['expense.recorded', 'expense.updated']);

    const invoiced = await db().invoice.create({ data: { legalEntityId: engagement.legalEntityId, clientId: engagement.clientId, engagementId: engagement.id, correlationId: engagement.correlationId, currency: 'USD', lines: { create: { lineNo: 1, kind: 'EXPENSE', description: 'x', quantity: 1, unitPrice: 400, amount: 400, currency: 'USD' } } }, include: { lines: true } });
    await db().expense.update({ where: { id: row.id }, data: { invoiceLineId: invoiced.lines[0]!.id } });
    expect((await deliver(expenseApprovedWorkflow, psa, { ...data, amount: '999' })).outcome).toMatchObject({ status: 'ignored' });
    await expect(deliver(expenseApprovedWorkflow, psa, { ...data, expenseId: uniqueId('X'), engagementRef: 'NOPE' })).rejects.toMatchObject({ exception: { code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', entityType: 'Expense' } });
  });

  it('records usage per month and corrects it before it is billed', async () => {
    const { platform } = await deliveryConnectors();
    const engagement = await createEngagement({ model: 'RETAINER_WITH_OVERAGE', retainer: { monthlyFee: '1000', includedUnits: '10', overageRate: '2', startMonth: '2026-03', months: 3 } });
    const data = { usageId: uniqueId('U'), engagementRef: engagement.id, units: '12.5', period: '2026-03' };
    expect((await deliver(usageRecordedWorkflow, platform, data)).outcome).toMatchObject({ note: 'Usage recorded.' });
    expect((await deliver(usageRecordedWorkflow, platform, { ...data, units: '12.50' })).outcome).toMatchObject({ note: 'No change.' });
    expect((await deliver(usageRecordedWorkflow, platform, { ...data, units: '14' })).outcome).toMatchObject({ note: 'Usage updated.' });
    const row = await db().usageRecord.findFirstOrThrow({ where: { externalId: data.usageId } });
    expect([row.units.toString(), row.period, row.periodStart.toISOString().slice(0, 10)]).toEqual(['14', '2026-03', '2026-03-01']);
  });
});

describe('q2c.milestone.completed.v1', () => {
  it('records a completion without evidence and raises MILESTONE_MISSING_EVIDENCE once; a replay changes nothing', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement({ model: 'FIXED_FEE_MILESTONE', milestones: [{ ref: 'M1', name: 'Design', amount: '25000' }] });
    const data = { engagementRef: engagement.code, milestoneRef: 'M1', completedAt: '2026-05-28T12:00:00Z' };
    const { event } = await deliver(milestoneCompletedWorkflow, psa, data);
    expect((await deliver(milestoneCompletedWorkflow, psa, data)).outcome).toEqual({ status: 'applied', note: 'No change.' });
    const exception = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'MILESTONE_MISSING_EVIDENCE', entityType: 'Milestone', entityId: engagement.milestones[0]!.id } }, include: { events: true } });
    expect(exception).toMatchObject({ occurrences: 1, correlationId: engagement.correlationId, details: { missing: ['MISSING_APPROVAL', 'MILESTONE_MISSING_EVIDENCE'] } });
    expect(exception.events.map((e) => e.inboxEventId)).toEqual([event.inboxEventId]);
    expect(await db().milestone.findUniqueOrThrow({ where: { id: engagement.milestones[0]!.id } })).toMatchObject({ status: 'COMPLETED', approvedBy: null });
    await expect(deliver(milestoneCompletedWorkflow, psa, { ...data, milestoneRef: 'M9' })).rejects.toBeInstanceOf(WorkflowHold);
  });
});

describe('q2c.invoice.posted.v1', () => {
  it('marks an issued invoice POSTED with the ERP number and links it; an unknown invoice is held', async () => {
    const { erp } = await deliveryConnectors();
    const engagement = await createEngagement();
    const invoice = await db().invoice.create({ data: { status: 'ISSUED', number: `US01-2026-${Math.floor(Math.random() * 1e6).toString().padStart(6, '0')}`, legalEntityId: engagement.legalEntityId, clientId: engagement.clientId, engagementId: engagement.id, correlationId: engagement.correlationId, currency: 'USD' } });
    const data = { invoiceId: invoice.id, erpInvoiceNumber: uniqueId('ERP-INV'), postedAt: '2026-04-08T08:30:00Z' };
    expect((await deliver(invoicePostedWorkflow, erp, data)).outcome).toMatchObject({ status: 'applied' });
    expect((await deliver(invoicePostedWorkflow, erp, { ...data, invoiceId: invoice.number! })).outcome).toEqual({ status: 'applied', note: 'No change.' });
    expect(await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: 'POSTED', erpInvoiceNumber: data.erpInvoiceNumber, postedAt: new Date(data.postedAt) });
    expect(await db().externalRef.findFirst({ where: { system: 'erp', entityType: 'Invoice', externalId: data.erpInvoiceNumber } })).toMatchObject({ entityId: invoice.id });
    await expect(deliver(invoicePostedWorkflow, erp, { ...data, invoiceId: 'INV-UNKNOWN' })).rejects.toMatchObject({ exception: { code: 'INVOICE_NOT_CONFIRMED', entityId: 'INV-UNKNOWN' } });
  });
});
