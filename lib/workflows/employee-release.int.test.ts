// The HCM and the PSA do not wait for each other: a timesheet naming an employee the HCM
// has not sent yet is held (UNKNOWN_EMPLOYEE) and applied by itself once the employee
// arrives — through the inbox processor, without anyone replaying it.
import { describe, expect, it } from 'vitest';
import { createEngagement, deliveryConnectors, timesheet, uniqueId } from '../../test/fixtures/billing.ts';
import { putInInbox } from '../../test/support/inbox.ts';
import { db } from '../db/client.ts';
import { EMPLOYEE_UPDATED_V1 } from './employee-updated.ts';
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
