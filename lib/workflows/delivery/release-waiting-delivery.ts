// Time, expenses and usage the PSA sent before its project.created reached us name a project
// id Threadline did not know yet: they are held (TIME_FOR_UNKNOWN_ENGAGEMENT, one exception
// per timesheet, expense or usage record, with the reference in its details). When the
// project id is linked to its engagement they go back to the inbox by themselves — the
// sender's events raced each other, nothing needed fixing.
import { releaseHeldEvents } from '../../services/exceptions/release-held-events.ts';
import type { Tx } from '../workflow.ts';

export async function releaseDeliveryWaitingForProject(tx: Tx, options: { system: string; projectId: string; engagementCode: string; now: Date }): Promise<string[]> {
  const waiting = await tx.exception.findMany({
    where: {
      code: 'TIME_FOR_UNKNOWN_ENGAGEMENT',
      status: { not: 'RESOLVED' },
      AND: [{ details: { path: ['engagementRef'], equals: options.projectId } }, { details: { path: ['system'], equals: options.system } }],
    },
    select: { code: true, entityType: true, entityId: true },
    orderBy: { firstSeenAt: 'asc' },
  });
  const released: string[] = [];
  for (const key of waiting) {
    released.push(
      ...(await releaseHeldEvents(tx, {
        key,
        resolution: (n) => `${options.system} project ${options.projectId} is now linked to ${options.engagementCode}; ${n} waiting event(s) requeued.`,
        now: options.now,
      })),
    );
  }
  return released;
}
