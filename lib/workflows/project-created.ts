// q2c.project.created.v1 (DESIGN.md §5): the PSA created the project for an engagement
// shell. Its id goes into the id crosswalk (system = the sender's code, Engagement) and
// Engagement.psaProjectId, and the engagement goes SHELL → ACTIVE with activatedAt — the
// end of the activation cycle time KPI (activated − quote accepted). Activation needs the
// PSA project only: delivery and time run in the PSA; the ERP project matters for
// invoicing, which waits for it on its own. activatedAt is when the PSA created the
// project (the event's time), never before the quote was accepted. The ERP may send the
// same event for its project: erpProjectId is set, the status is left alone. Stewardship:
// psaProjectId is the PSA's, erpProjectId the ERP's (OWNERSHIP_VIOLATION otherwise).
// An engagementRef that resolves to nothing, a second project for one engagement, or a
// project id already linked elsewhere is ORPHANED_PROJECT (DATA_FIX, delivery). Time,
// expenses and usage that named the project id before this event arrived are released.
import type { ProjectCreatedData } from '../ingest/schemas/project-created.ts';
import { mayChange, ownerOf } from '../domain/stewardship/decide-field-changes.ts';
import { listOwnershipRules } from '../queries/stewardship/list-ownership-rules.ts';
import { writeAudit } from '../services/audit/write-audit.ts';
import { linkExternalRef } from '../services/crosswalk/link-external-ref.ts';
import { resolveEngagementRef } from '../services/crosswalk/resolve-engagement-ref.ts';
import { linkLineage } from '../services/lineage/link-lineage.ts';
import { lockEngagement } from './commercial/engagement-milestones.ts';
import { releaseDeliveryWaitingForProject } from './delivery/release-waiting-delivery.ts';
import { holdOnCrosswalkConflict } from './master-data/crosswalk-hold.ts';
import { raiseOwnershipViolation } from './master-data/raise-ownership-violation.ts';
import { masterDataSender } from './master-data/sender.ts';
import { WorkflowHold, type Workflow, type WorkflowOutcome } from './workflow.ts';

export const PROJECT_CREATED_V1 = 'q2c.project.created.v1';

export const projectCreatedWorkflow: Workflow<ProjectCreatedData> = {
  type: PROJECT_CREATED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { engagementRef, psaProjectId: projectId } = event.data;
    const sender = masterDataSender(context);
    const field = sender.kind === 'ERP' ? 'erpProjectId' : 'psaProjectId';
    const orphan = (entityId: string, problem: string, details: Record<string, unknown> = {}) =>
      new WorkflowHold({ code: 'ORPHANED_PROJECT', entityType: 'Engagement', entityId, title: `${sender.system} project ${projectId}: ${problem}`, details: { engagementRef, projectId, system: sender.system, ...details } });

    const rules = await listOwnershipRules({ domain: 'Engagement', client: tx });
    const engagementId = await resolveEngagementRef(tx, { system: sender.system, engagementRef });
    if (!mayChange('Engagement', field, sender.kind, rules)) {
      await raiseOwnershipViolation(tx, { event, sender, entityType: 'Engagement', entityId: engagementId ?? engagementRef, externalId: engagementRef, refused: [{ field, owner: ownerOf('Engagement', field, rules)! }], now });
      return { status: 'ignored', note: `${sender.system} (${sender.kind}) does not own ${field}; OWNERSHIP_VIOLATION raised.` };
    }
    if (!engagementId) throw orphan(engagementRef, `engagement ${engagementRef} is not known`);

    await lockEngagement(tx, engagementId);
    const engagement = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId } });
    const current = engagement[field];
    if (current && current !== projectId) {
      throw orphan(engagementId, `${engagement.code} already has project ${current}`, { engagementCode: engagement.code, linkedProjectId: current });
    }
    await holdOnCrosswalkConflict({ code: 'ORPHANED_PROJECT', entityType: 'Engagement', entityId: engagementId }, () =>
      linkExternalRef(tx, { system: sender.system, entityType: 'Engagement', externalId: projectId, entityId: engagementId }),
    );
    await releaseDeliveryWaitingForProject(tx, { system: sender.system, projectId, engagementCode: engagement.code, now });
    const activate = field === 'psaProjectId' && engagement.status === 'SHELL';
    if (current === projectId && !activate) return { status: 'applied', note: `${engagement.code} already has project ${projectId}; nothing to do.` };

    const createdAt = event.time ?? event.receivedAt;
    const acceptedAt = engagement.quoteAcceptedAt;
    const activatedAt = acceptedAt && acceptedAt > createdAt ? acceptedAt : createdAt;
    const after = { [field]: projectId, ...(activate ? { status: 'ACTIVE' as const, activatedAt } : {}) };
    await tx.engagement.update({ where: { id: engagementId }, data: after });
    await writeAudit(tx, {
      actor: sender.actor,
      entityType: 'Engagement',
      entityId: engagementId,
      action: activate ? 'engagement.activated' : 'engagement.project_linked',
      before: { [field]: current, status: engagement.status, activatedAt: engagement.activatedAt },
      after,
      correlationId: engagement.correlationId,
      eventId: event.inboxEventId,
      at: now,
    });
    const ref = await tx.externalRef.findUniqueOrThrow({ where: { system_entityType_externalId: { system: sender.system, entityType: 'Engagement', externalId: projectId } }, select: { id: true } });
    await linkLineage(tx, [{ from: { type: 'Engagement', id: engagementId }, to: { type: 'ExternalRef', id: ref.id }, relation: 'MIRRORED_AS', eventId: event.inboxEventId, correlationId: engagement.correlationId }]);
    return { status: 'applied', note: activate ? `${engagement.code} activated with ${sender.system} project ${projectId}.` : `${engagement.code} linked to ${sender.system} project ${projectId}.` };
  },
};
