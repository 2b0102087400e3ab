// q2c.usage.recorded.v1 (DESIGN.md §5, §6): units a service platform consumed under a
// retainer in a month, upserted by the sender's usage id. Several records may fall in one
// month; the billing run computes each month's overage above the included units and bills
// it in arrears on the next monthly invoice. A correction before the month's overage is
// invoiced replaces the units; after, the billed figure stands (credit first) and the event
// says so. An engagementRef that does not resolve holds the event (TIME_FOR_UNKNOWN_ENGAGEMENT).
import type { UsageRecordedData } from '../ingest/schemas/usage-recorded.ts';
import { compareDecimalStrings } from '../domain/money/decimal-string.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { linkLineage } from '../services/lineage/link-lineage.ts';
import { findDeliveryEngagement } from './delivery/find-engagement.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const USAGE_RECORDED_V1 = 'q2c.usage.recorded.v1';

export const usageRecordedWorkflow: Workflow<UsageRecordedData> = {
  type: USAGE_RECORDED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);

    const engagement = await findDeliveryEngagement(tx, { system: sender.system, engagementRef: data.engagementRef });
    if (!engagement) {
      throw new WorkflowHold({
        code: 'TIME_FOR_UNKNOWN_ENGAGEMENT',
        entityType: 'UsageRecord',
        entityId: data.usageId,
        title: `Usage ${data.usageId} (${data.period}) names engagement "${data.engagementRef}", which does not resolve`,
        details: { engagementRef: data.engagementRef, system: sender.system, units: data.units, period: data.period },
      });
    }
    const values = { engagementId: engagement.id, period: data.period, periodStart: new Date(`${data.period}-01T00:00:00Z`), units: data.units, recordedAt: event.time ?? event.receivedAt };
    const audit = { actor: sender.actor, entityType: 'UsageRecord' as const, correlationId: engagement.correlationId, eventId: event.inboxEventId, at: now };
    const contains = (id: string) =>
      linkLineage(tx, [{ from: { type: 'Engagement', id: engagement.id }, to: { type: 'UsageRecord', id }, relation: 'CONTAINS', eventId: event.inboxEventId, correlationId: engagement.correlationId }]);

    const { count } = await tx.usageRecord.createMany({ data: [{ ...values, sourceSystem: sender.system, externalId: data.usageId }], skipDuplicates: true });
    const row = await tx.usageRecord.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: sender.system, externalId: data.usageId } } });
    if (count === 1) {
      await writeAudit(tx, { ...audit, entityId: row.id, action: 'usage.recorded', after: { ...values, periodStart: undefined } });
      await contains(row.id);
      return { status: 'applied', note: 'Usage recorded.' };
    }

    const before = { engagementId: row.engagementId, period: row.period, units: row.units.toString() };
    const same = before.engagementId === values.engagementId && before.period === values.period && compareDecimalStrings(before.units, data.units) === 0;
    if (same) return { status: 'applied', note: 'No change.' };
    if (row.invoiceLineId !== null) {
      return { status: 'ignored', note: `Usage ${data.usageId} is already billed; its units stay ${before.units}. Credit the overage first, then replay.` };
    }
    await tx.usageRecord.update({ where: { id: row.id }, data: values });
    await writeAudit(tx, { ...audit, entityId: row.id, action: 'usage.updated', before, after: { engagementId: values.engagementId, period: values.period, units: data.units } });
    if (before.engagementId !== values.engagementId) await contains(row.id);
    return { status: 'applied', note: 'Usage updated.' };
  },
};
