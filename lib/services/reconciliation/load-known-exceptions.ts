// The exceptions a job has to weigh its findings against, in one query: the open ones of
// its code (to clear those whose finding is gone) and any of the found entities (to count
// a recurrence, or respect a person's decision). Who closed each one last, whether the job
// raised it, and whether it holds inbox events come along, for planReconciliation.
import type { EntityType, ExceptionCode, ExceptionStatus } from '../../db/generated/enums.ts';
import type { KnownException } from '../../domain/reconciliation/plan-reconciliation.ts';
import type { ReconciliationJob } from '../../domain/reconciliation/reconciliation-jobs.ts';
import type { Tx } from '../../workflows/workflow.ts';

export async function loadKnownExceptions(
  tx: Tx,
  options: { job: ReconciliationJob; code: ExceptionCode; entityTypes: readonly EntityType[]; entityIds: readonly string[] },
): Promise<KnownException[]> {
  const rows = await tx.$queryRaw<(Omit<KnownException, 'status' | 'closedBy'> & { status: ExceptionStatus; closedBy: KnownException['closedBy'] })[]>`
    SELECT e.id::text AS id, e."entityType"::text AS "entityType", e."entityId", e.status::text AS status,
           e."impactAmount"::text AS "impactAmount", e."impactCurrency",
           e.details -> 'reconciliation' ->> 'kind' AS kind,
           e.details -> 'reconciliation' ->> 'asOf' AS "lastAsOf",
           e.details -> 'decision' ->> 'standsUntil' AS "decisionStandsUntil",
           COALESCE(e.details -> 'reconciliation' ->> 'job' = ${options.job}, false) AS "ownedByJob",
           EXISTS (
             SELECT 1 FROM "ExceptionEvent" ee JOIN "InboxEvent" ie ON ie.id = ee."inboxEventId"
             WHERE ee."exceptionId" = e.id AND ie.status = 'HELD'
           ) AS "holdsEvents",
           (SELECT a."actorType"::text FROM "ExceptionAction" a
             WHERE a."exceptionId" = e.id AND a.kind IN ('RESOLVE', 'APPROVE', 'REJECT')
             ORDER BY a.at DESC LIMIT 1) AS "closedBy"
    FROM "Exception" e
    WHERE e.code = ${options.code}::"ExceptionCode"
      AND e."entityType"::text = ANY(${[...options.entityTypes]}::text[])
      AND (e.status IN ('OPEN', 'ASSIGNED') OR e."entityId" = ANY(${[...options.entityIds]}::text[]))`;
  return rows;
}
