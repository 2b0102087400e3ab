// Connected systems do not wait for each other: a timesheet naming an employee the HCM has
// not sent yet (UNKNOWN_EMPLOYEE), or time and expenses naming a PSA project whose
// project.created has not arrived (TIME_FOR_UNKNOWN_ENGAGEMENT), are held and applied by
// themselves once what they wait for arrives — through the inbox processor, no replay.
// The same holds for a gateway's dispute that overtakes the payment it disputes.
import { describe, expect, it } from 'vitest';
import { createEmployee, createEngagement, deliveryConnectors, timesheet, uniqueId } from '../../test/fixtures/billing.ts';
import { createEngagement as createCashEngagement, createInvoice, createPayer } from '../../test/fixtures/cash.ts';
import { createTestConnector } from '../../test/fixtures/master-data.ts';
import { putInInbox } from '../../test/support/inbox.ts';
import { db } from '../db/client.ts';
import { EMPLOYEE_UPDATED_V1 } from './employee-updated.ts';
import { EXPENSE_APPROVED_V1 } from './expense-approved.ts';
import { PAYMENT_DISPUTED_V1 } from './payment-disputed.ts';
import { PAYMENT_RECEIVED_V1 } from './payment-received.ts';
import { PROJECT_CREATED_V1 } from './project-created.ts';
import { processInboxBatch } from './process-inbox-batch.ts';
import { buildWorkflowResolver } from './registry.ts';
import { TIMESHEET_APPROVED_V1 } from './timesheet-approved.ts';

const settings = { batchSize: 10, gapTimeoutMs: 60_000, maxAttempts: 3, resolve: buildWorkflowResolver(), random: () => 0 };
const drain = async () => {
  while ((await processInboxBatch(settings)).claimed > 0);
};

describe('a timesheet that arrives before its employee', () => {
  it('is held, then applied when the HCM sends the employee; the exception resolves itself', async () => {
    const { psa, hcm } = await deliveryConnectors();
    const engagement = await createEngagement({ contractRates: [{ role: 'CONSULTANT', rate: '200' }] });
    const employeeId = uniqueId('E');
    const sheet = timesheet(engagement.code, employeeId, [{ date: '2026-04-01', hours: '6', role: 'CONSULTANT' }]);
    const [held] = await putInInbox(psa.connectorId, [{ type: TIMESHEET_APPROVED_V1, source: '/test/psa', subject: sheet.timesheetId, sequence: 1, data: sheet }]);
    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: held!.inboxEventId } })).toMatchObject({ status: 'HELD' });
    const key = { code: 'UNKNOWN_EMPLOYEE' as const, entityType: 'Employee' as const, entityId: employeeId };
    expect(await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: key } })).toMatchObject({ status: 'OPEN' });

    await putInInbox(hcm.connectorId, [{ type: EMPLOYEE_UPDATED_V1, source: '/test/hcm', subject: employeeId, data: { employeeId, name: 'Late Arrival', costRate: '90', currency: 'USD', costCenter: 'US01-ADV' } }]);
    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: held!.inboxEventId } })).toMatchObject({ status: 'PROCESSED' });
    const time = await db().timeTransaction.findMany({ where: { engagementId: engagement.id } });
    expect(time.map((t) => [t.hours.toString(), t.amount?.toString()])).toEqual([['6', '1200']]);
    expect(await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: key } })).toMatchObject({ status: 'RESOLVED', resolution: expect.stringMatching(/1 waiting event/) });
  });
});

describe('time and an expense that arrive before the PSA project is linked', () => {
  it('are held, then applied when project.created links the project id; their exceptions resolve themselves', async () => {
    const { psa } = await deliveryConnectors();
    const engagement = await createEngagement({ contractRates: [{ role: 'CONSULTANT', rate: '200' }] });
    const employee = await createEmployee();
    const projectId = uniqueId('PSA');
    const sheet = timesheet(projectId, employee.externalId, [{ date: '2026-04-01', hours: '3', role: 'CONSULTANT' }]);
    const expense = { expenseId: uniqueId('X'), engagementRef: projectId, amount: '80.00', currency: 'USD', billable: true, category: 'EXP-TRAVEL', date: '2026-04-01' };
    const held = await putInInbox(psa.connectorId, [
      { type: TIMESHEET_APPROVED_V1, source: '/test/psa', subject: sheet.timesheetId, sequence: 1, data: sheet },
      { type: EXPENSE_APPROVED_V1, source: '/test/psa', subject: expense.expenseId, data: expense },
    ]);
    await drain();
    const statuses = async () => (await db().inboxEvent.findMany({ where: { id: { in: held.map((h) => h.inboxEventId) } } })).map((e) => e.status);
    expect(await statuses()).toEqual(['HELD', 'HELD']);

    await putInInbox(psa.connectorId, [{ type: PROJECT_CREATED_V1, source: '/test/psa', subject: projectId, data: { engagementRef: engagement.code, psaProjectId: projectId } }]);
    await drain();
    expect(await statuses()).toEqual(['PROCESSED', 'PROCESSED']);
    expect((await db().timeTransaction.findFirstOrThrow({ where: { engagementId: engagement.id } })).amount?.toString()).toBe('600');
    expect((await db().expense.findFirstOrThrow({ where: { engagementId: engagement.id } })).amount.toString()).toBe('80');
    const exceptions = await db().exception.findMany({ where: { code: 'TIME_FOR_UNKNOWN_ENGAGEMENT', entityId: { in: [sheet.timesheetId, expense.expenseId] } } });
    expect(exceptions.map((e) => e.status)).toEqual(['RESOLVED', 'RESOLVED']);
  });
});

describe('a dispute that arrives before the payment it disputes', () => {
  it('is held, then recorded when the payment arrives; its exception is the open dispute only', async () => {
    await deliveryConnectors(); // the ERP the applications are posted to
    const payments = await createTestConnector('PAYMENTS');
    const { client, externalId } = await createPayer(payments);
    const invoice = await createInvoice(await createCashEngagement(client.id), { net: '500.00' });
    const paymentId = uniqueId('pay');
    const source = `/test/${payments.code}`;
    const [dispute] = await putInInbox(payments.connectorId, [{ type: PAYMENT_DISPUTED_V1, source, subject: 'dp-1', data: { disputeId: 'dp-1', paymentId, amount: '120.00', currency: 'USD', reason: 'Not received', openedAt: '2026-03-10T08:00:00Z' } }]);
    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: dispute!.inboxEventId } })).toMatchObject({ status: 'HELD' });

    const paid = { paymentId, amount: '500.00', currency: 'USD', payer: { externalId }, remittance: [{ invoiceNumber: invoice.number!, amount: '500.00' }], receivedAt: '2026-03-02T09:00:00Z' };
    await putInInbox(payments.connectorId, [{ type: PAYMENT_RECEIVED_V1, source, subject: paymentId, data: paid }]);
    await drain();
    expect(await db().inboxEvent.findUniqueOrThrow({ where: { id: dispute!.inboxEventId } })).toMatchObject({ status: 'PROCESSED' });
    const recorded = await db().dispute.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: payments.code, externalId: 'dp-1' } } });
    expect([recorded.status, recorded.amount.toFixed(2)]).toEqual(['OPEN', '120.00']);
    const exceptions = await db().exception.findMany({ where: { code: 'PAYMENT_DISPUTED', entityId: { in: [`${payments.code}:dp-1`, recorded.id] } }, orderBy: { firstSeenAt: 'asc' } });
    expect(exceptions.map((e) => [e.entityId === recorded.id ? 'dispute' : 'held', e.status])).toEqual([['held', 'RESOLVED'], ['dispute', 'OPEN']]);
  });
});
