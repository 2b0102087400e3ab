// One row per (code, entityType, entityId), made race-free by the unique index: a single
// INSERT ... ON CONFLICT DO UPDATE, so 20 transactions raising the same problem at once
// end with one row and occurrences = 20 (Prisma's upsert is select-then-write and can
// fail with a unique violation under concurrency). The recurrence rules come from the
// domain's statusOnRecurrence table so the SQL cannot drift from it.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../db/client.ts';
import type { EntityType, ExceptionCode, ExceptionStatus, OwnerTeam, Recoverability } from '../../db/generated/enums.ts';
import { statusOnRecurrence } from '../../domain/exceptions/exception-status.ts';
import { GROUP_CURRENCY } from '../../domain/exceptions/group-currency.ts';

export interface ExceptionRowValues {
  code: ExceptionCode;
  entityType: EntityType;
  entityId: string;
  correlationId: string | null;
  legalEntityId: string | null;
  title: string;
  recoverability: Recoverability;
  recoverabilityRank: number;
  ownerTeam: OwnerTeam;
  financialImpact: string;
  impactAmount: string | null;
  impactCurrency: string | null;
  slaDueAt: Date;
  details: Record<string, unknown> | null;
  /** The event it is raised about: its connector is recorded on a new row (the queue's connector filter). */
  inboxEventId: string | null;
  now: Date;
}

const status = (value: ExceptionStatus) => Prisma.sql`${value}::"ExceptionStatus"`;
const entries = Object.entries(statusOnRecurrence) as [ExceptionStatus, ExceptionStatus][];
const recurredStatus = Prisma.sql`CASE "Exception".status ${Prisma.join(
  entries.map(([from, to]) => Prisma.sql`WHEN ${status(from)} THEN ${status(to)}`),
  ' ',
)} END`;
// Reopened = goes back to OPEN from a closed status: it gets a fresh SLA and no assignee.
const reopenedFrom = entries.filter(([from, to]) => to === 'OPEN' && from !== 'OPEN').map(([from]) => status(from));
const reopening = Prisma.sql`"Exception".status IN (${Prisma.join(reopenedFrom)})`;

// Whose problem it is: the sending connector of the event, else (a delivery failure) the
// target connector of the outbox command it is about.
const connectorOf = (v: ExceptionRowValues) =>
  Prisma.sql`COALESCE(
    (SELECT ie."connectorId" FROM "InboxEvent" ie WHERE ie.id = ${v.inboxEventId}::uuid),
    (SELECT oc."connectorId" FROM "OutboxCommand" oc WHERE ${v.entityType} = 'OutboxCommand' AND oc.id::text = ${v.entityId}))`;

/** Inserts or counts a recurrence; returns the row id and whether it was new. */
export async function upsertExceptionRow(tx: Prisma.TransactionClient, v: ExceptionRowValues): Promise<{ id: string; inserted: boolean }> {
  const details = v.details === null ? null : JSON.stringify(v.details);
  const rows = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
    INSERT INTO "Exception" (
      id, code, "entityType", "entityId", "correlationId", "legalEntityId", "connectorId", title,
      recoverability, "recoverabilityRank", "ownerTeam",
      "financialImpact", "financialImpactCurrency", "impactAmount", "impactCurrency",
      status, occurrences, "firstSeenAt", "lastSeenAt", "slaDueAt", details, "createdAt", "updatedAt"
    ) VALUES (
      ${randomUUID()}::uuid, ${v.code}::"ExceptionCode", ${v.entityType}::"EntityType", ${v.entityId},
      ${v.correlationId}, ${v.legalEntityId}::uuid, ${connectorOf(v)}, ${v.title},
      ${v.recoverability}::"Recoverability", ${v.recoverabilityRank}::int, ${v.ownerTeam}::"OwnerTeam",
      ${v.financialImpact}::numeric, ${GROUP_CURRENCY}, ${v.impactAmount}::numeric, ${v.impactCurrency},
      'OPEN', 1, ${v.now}::timestamptz, ${v.now}::timestamptz, ${v.slaDueAt}::timestamptz, ${details}::jsonb,
      ${v.now}::timestamptz, ${v.now}::timestamptz
    )
    ON CONFLICT (code, "entityType", "entityId") DO UPDATE SET
      occurrences = "Exception".occurrences + 1,
      "lastSeenAt" = GREATEST("Exception"."lastSeenAt", EXCLUDED."lastSeenAt"),
      status = ${recurredStatus},
      "resolvedAt" = CASE WHEN ${reopening} THEN NULL ELSE "Exception"."resolvedAt" END,
      resolution = CASE WHEN ${reopening} THEN NULL ELSE "Exception".resolution END,
      "assigneeId" = CASE WHEN ${reopening} THEN NULL ELSE "Exception"."assigneeId" END,
      "slaDueAt" = CASE WHEN ${reopening} THEN EXCLUDED."slaDueAt" ELSE "Exception"."slaDueAt" END,
      title = EXCLUDED.title,
      recoverability = EXCLUDED.recoverability,
      "recoverabilityRank" = EXCLUDED."recoverabilityRank",
      "ownerTeam" = EXCLUDED."ownerTeam",
      "correlationId" = COALESCE(EXCLUDED."correlationId", "Exception"."correlationId"),
      "legalEntityId" = COALESCE(EXCLUDED."legalEntityId", "Exception"."legalEntityId"),
      "connectorId" = COALESCE("Exception"."connectorId", EXCLUDED."connectorId"),
      -- The latest observed impact is the money held up now; no impact given keeps the last.
      "financialImpact" = CASE WHEN EXCLUDED."impactAmount" IS NULL THEN "Exception"."financialImpact" ELSE EXCLUDED."financialImpact" END,
      "impactAmount" = COALESCE(EXCLUDED."impactAmount", "Exception"."impactAmount"),
      "impactCurrency" = CASE WHEN EXCLUDED."impactAmount" IS NULL THEN "Exception"."impactCurrency" ELSE EXCLUDED."impactCurrency" END,
      details = CASE WHEN EXCLUDED.details IS NULL THEN "Exception".details ELSE COALESCE("Exception".details, '{}'::jsonb) || EXCLUDED.details END,
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING id::text AS id, (xmax = 0) AS inserted`;
  const row = rows[0];
  if (!row) throw new Error('The exception upsert returned no row.');
  return row;
}
