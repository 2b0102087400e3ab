// Orphaned projects (DESIGN.md §8): open engagements whose PSA/ERP projects and contract
// disagree (lib/domain/reconciliation/orphaned-project.ts decides), and crosswalk entries
// naming an engagement that does not exist. One query; engagements are few (thousands),
// the crosswalk side is an anti-join on the Engagement primary key.
import type { ContractStatus, EngagementStatus } from '../../db/generated/enums.ts';
import { findOrphanedProject } from '../../domain/reconciliation/orphaned-project.ts';
import { graceCutoff } from '../../domain/reconciliation/reconciliation-jobs.ts';
import { impactText, type Finding, type JobDefinition } from './finding.ts';

interface Row {
  source: 'engagement' | 'crosswalk';
  id: string;
  code: string | null;
  correlationId: string | null;
  legalEntityId: string | null;
  status: EngagementStatus | null;
  contractStatus: ContractStatus | null;
  contractNumber: string | null;
  psaProjectId: string | null;
  erpProjectId: string | null;
  since: Date;
  value: string | null;
  currency: string | null;
  refSystem: string | null;
  refExternalId: string | null;
  refEntityId: string | null;
}

export const orphanedProjectsJob: JobDefinition = {
  job: 'orphaned-projects',
  async find(tx, { asOf, settings }) {
    const cutoff = graceCutoff(asOf, settings.projectGraceHours);
    const rows = await tx.$queryRaw<Row[]>`
      SELECT 'engagement' AS source, e.id::text AS id, e.code, e."correlationId", e."legalEntityId"::text AS "legalEntityId",
             e.status::text AS status, c.status::text AS "contractStatus", c."contractNumber",
             e."psaProjectId", e."erpProjectId", COALESCE(e."quoteAcceptedAt", e."createdAt") AS since,
             e.value::text AS value, e.currency, NULL AS "refSystem", NULL AS "refExternalId", NULL AS "refEntityId"
      FROM "Engagement" e LEFT JOIN "Contract" c ON c.id = e."contractId"
      WHERE e.status <> 'CLOSED'
        AND (((e."psaProjectId" IS NOT NULL OR e."erpProjectId" IS NOT NULL) AND (c.id IS NULL OR c.status IN ('CLOSED', 'TERMINATED')))
          OR (c.status = 'ACTIVE' AND (e."psaProjectId" IS NULL OR e."erpProjectId" IS NULL) AND COALESCE(e."quoteAcceptedAt", e."createdAt") <= ${cutoff}))
      UNION ALL
      SELECT 'crosswalk', r.id::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, r."createdAt", NULL, NULL, r.system, r."externalId", r."entityId"::text
      FROM "ExternalRef" r
      WHERE r."entityType" = 'Engagement' AND NOT EXISTS (SELECT 1 FROM "Engagement" e WHERE e.id = r."entityId")`;

    const findings: Finding[] = [];
    for (const row of rows) {
      if (row.source === 'crosswalk') {
        findings.push({
          entityType: 'ExternalRef', entityId: row.id, kind: 'PROJECT_WITHOUT_CONTRACT', impactAmount: null, impactCurrency: null, correlationId: null, legalEntityId: null, impactDate: asOf,
          title: `${row.refSystem} project ${row.refExternalId} is linked to engagement ${row.refEntityId}, which does not exist`,
          details: { system: row.refSystem, projectId: row.refExternalId, engagementId: row.refEntityId },
        });
        continue;
      }
      const orphan = findOrphanedProject({ status: row.status!, contractStatus: row.contractStatus, psaProjectId: row.psaProjectId, erpProjectId: row.erpProjectId, since: row.since }, { asOf, graceHours: settings.projectGraceHours });
      if (!orphan) continue;
      const value = impactText(row.value!, row.currency!);
      const common = { entityType: 'Engagement' as const, entityId: row.id, kind: orphan.kind, impactAmount: value, impactCurrency: row.currency, correlationId: row.correlationId, legalEntityId: row.legalEntityId, impactDate: asOf };
      const projects = { engagementCode: row.code, contractNumber: row.contractNumber, contractStatus: row.contractStatus, psaProjectId: row.psaProjectId, erpProjectId: row.erpProjectId };
      findings.push(
        orphan.kind === 'PROJECT_WITHOUT_CONTRACT'
          ? { ...common, title: `${orphan.systems.join(' and ')} project of ${row.code} has no contract in force (${row.contractStatus ?? 'no contract'})`, details: { ...projects, systems: orphan.systems } }
          : { ...common, title: `Contract ${row.contractNumber ?? '(no number)'} of ${row.code} has no ${orphan.missing.join(' or ')} project since ${orphan.waitingSince.toISOString().slice(0, 10)}`, details: { ...projects, missing: orphan.missing, waitingSince: orphan.waitingSince.toISOString() } },
      );
    }
    return findings;
  },
};
