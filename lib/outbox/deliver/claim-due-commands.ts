// Claims the commands one target may be sent now (DESIGN.md §6), in one short
// transaction: the target's budget row is locked (so every worker process shares one
// concurrency and rate budget), the grant is computed by the domain, and that many due
// commands are taken with FOR UPDATE SKIP LOCKED and marked IN_FLIGHT under a lease.
// Due: PENDING whose nextAttemptAt has come, or IN_FLIGHT whose lease ran out (a worker
// died mid-request). A command waits while an earlier command of its orderingKey is
// still PENDING or IN_FLIGHT (a project is never sent before its customer).
import { db } from '../../db/client.ts';
import type { Prisma } from '../../db/client.ts';
import { grantRequests, type BudgetState } from '../../domain/outbox/target-budget.ts';

export interface TargetSettings {
  connectorId: string;
  code: string;
  maxConcurrency: number;
  ratePerSecond: number;
  timeoutMs: number;
  maxAttempts: number;
}

export interface ClaimedCommand {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  correlationId: string | null;
  /** This claim's attempt number (OutboxAttempt.attemptNo). */
  attemptNo: number;
  failures: number;
}

/** How long a claim is this worker's: the request's timeout and a margin to record the answer. */
export const leaseMs = (timeoutMs: number) => timeoutMs + 30_000;

/** Target connectors with due work, oldest due first. */
export async function targetsWithDueCommands(now: Date): Promise<TargetSettings[]> {
  return db().$queryRaw<TargetSettings[]>`
    SELECT c.id::text AS "connectorId", c.code, c."outboundMaxConcurrency" AS "maxConcurrency",
           c."outboundRatePerSecond" AS "ratePerSecond", c."outboundTimeoutMs" AS "timeoutMs", c."outboundMaxAttempts" AS "maxAttempts"
      FROM "Connector" c
      JOIN (SELECT "connectorId", min("nextAttemptAt") AS due FROM "OutboxCommand"
             WHERE status IN ('PENDING', 'IN_FLIGHT') AND "nextAttemptAt" <= ${now}
             GROUP BY 1) d ON d."connectorId" = c.id
     ORDER BY d.due`;
}

export async function claimDueCommands(target: TargetSettings, options: { now: Date; limit: number }): Promise<ClaimedCommand[]> {
  const { now, limit } = options;
  if (limit < 1) return [];
  return db().$transaction(async (tx) => {
    const budget = await lockBudget(tx, target, now);
    const [{ inFlight }] = await tx.$queryRaw<[{ inFlight: number }]>`
      SELECT count(*)::int AS "inFlight" FROM "OutboxCommand"
       WHERE "connectorId" = ${target.connectorId}::uuid AND status = 'IN_FLIGHT' AND "nextAttemptAt" > ${now}`;
    const grant = grantRequests(budget, { maxConcurrency: target.maxConcurrency, ratePerSecond: target.ratePerSecond }, { wanted: limit, inFlight, now });
    let claimed: ClaimedCommand[] = [];
    if (grant.granted > 0) {
      const leaseUntil = new Date(now.getTime() + leaseMs(target.timeoutMs));
      claimed = await tx.$queryRaw<ClaimedCommand[]>`
        WITH due AS (
          SELECT o.id FROM "OutboxCommand" o
           WHERE o."connectorId" = ${target.connectorId}::uuid
             AND o.status IN ('PENDING', 'IN_FLIGHT') AND o."nextAttemptAt" <= ${now}
             AND (o."orderingKey" IS NULL OR NOT EXISTS (
                   SELECT 1 FROM "OutboxCommand" e
                    WHERE e."orderingKey" = o."orderingKey" AND e."createdAt" < o."createdAt" AND e.status IN ('PENDING', 'IN_FLIGHT')))
           ORDER BY o."nextAttemptAt", o."createdAt"
           LIMIT ${grant.granted}
           FOR UPDATE SKIP LOCKED)
        UPDATE "OutboxCommand" o SET status = 'IN_FLIGHT', attempts = o.attempts + 1, "nextAttemptAt" = ${leaseUntil}, "updatedAt" = ${now}
          FROM due WHERE o.id = due.id
        RETURNING o.id::text, o.kind::text, o.payload, o."idempotencyKey", o."correlationId", o.attempts AS "attemptNo", o.failures`;
    }
    // Tokens granted but not used (fewer commands were due) go back into the bucket.
    await saveBudget(tx, target.connectorId, { ...grant.next, tokens: grant.next.tokens + (grant.granted - claimed.length) });
    return claimed;
  });
}

async function lockBudget(tx: Prisma.TransactionClient, target: TargetSettings, now: Date): Promise<BudgetState> {
  // A new target starts with a full bucket (one second's worth).
  await tx.$executeRaw`
    INSERT INTO "OutboxTargetBudget" ("connectorId", tokens, "updatedAt") VALUES (${target.connectorId}::uuid, ${target.ratePerSecond}, ${now})
    ON CONFLICT ("connectorId") DO NOTHING`;
  const [row] = await tx.$queryRaw<BudgetState[]>`
    SELECT tokens, "updatedAt", "pausedUntil" FROM "OutboxTargetBudget" WHERE "connectorId" = ${target.connectorId}::uuid FOR UPDATE`;
  return row!;
}

export async function saveBudget(tx: Prisma.TransactionClient, connectorId: string, state: BudgetState): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OutboxTargetBudget" SET tokens = ${state.tokens}, "updatedAt" = ${state.updatedAt}, "pausedUntil" = ${state.pausedUntil}
     WHERE "connectorId" = ${connectorId}::uuid`;
}
