// Records one delivery attempt and moves the command on, in one transaction (DESIGN.md
// §6): every attempt is an OutboxAttempt row; delivered → DELIVERED with the answer (and
// the ids it names linked, command-routes.ts) and a CONNECTOR_DELIVERY_FAILED about it
// resolved; retryable → PENDING after backoff with full jitter (a 429 also pauses the
// target's shared budget); permanent or attempts exhausted → DEAD, raising
// CONNECTOR_DELIVERY_FAILED with the money the command holds up. When the claim is no
// longer this worker's (its lease ran out and another worker took the command over), only
// the attempt is recorded.
import { Prisma } from '../../db/client.ts';
import { db } from '../../db/client.ts';
import type { SystemKind } from '../../db/generated/enums.ts';
import { attemptOutcome, nextStep, type RetryPolicy } from '../../domain/outbox/judge-attempt.ts';
import { pauseBudget, type BudgetState } from '../../domain/outbox/target-budget.ts';
import { raiseException } from '../../services/exceptions/raise-exception.ts';
import { resolveExceptionBySystem } from '../../services/exceptions/resolve-by-system.ts';
import type { CommandKind } from '../commands/payload-schemas.ts';
import type { ClaimedCommand } from './claim-due-commands.ts';
import { saveBudget } from './claim-due-commands.ts';
import { commandRoutes } from './command-routes.ts';
import type { PostedCommand } from './post-command.ts';

export interface RecordAttemptInput {
  command: ClaimedCommand;
  /** kind is null when the connector could not be loaded (the attempt was refused before sending). */
  target: { connectorId: string; code: string; kind: SystemKind | null };
  result: PostedCommand;
  startedAt: Date;
  finishedAt: Date;
  policy: RetryPolicy;
  random: () => number;
}

export type RecordedStep = 'delivered' | 'retry' | 'dead' | 'superseded';

export async function recordAttempt(input: RecordAttemptInput): Promise<RecordedStep> {
  const { command, target, result, startedAt, finishedAt: now } = input;
  const outcome = attemptOutcome(result);
  const error = describeFailure(result);
  return db().$transaction(async (tx) => {
    await tx.outboxAttempt.createMany({
      data: [
        {
          commandId: command.id,
          attemptNo: command.attemptNo,
          startedAt,
          finishedAt: now,
          outcome,
          httpStatus: result.kind === 'response' ? result.status : null,
          error,
          durationMs: now.getTime() - startedAt.getTime(),
        },
      ],
      skipDuplicates: true,
    });
    const [current] = await tx.$queryRaw<{ status: string; attempts: number; heldAmount: Prisma.Decimal | null; heldCurrency: string | null; entityType: string | null; entityId: string | null }[]>`
      SELECT status::text, attempts, "heldAmount", "heldCurrency", "entityType"::text, "entityId" FROM "OutboxCommand" WHERE id = ${command.id}::uuid FOR UPDATE`;
    if (!current || current.status !== 'IN_FLIGHT' || current.attempts !== command.attemptNo) return 'superseded';

    const failures = outcome === 'SUCCESS' || outcome === 'RATE_LIMITED' ? command.failures : command.failures + 1;
    const step = nextStep(result, { failures, policy: input.policy, random: input.random });
    if (step.kind === 'delivered') {
      const answer = result.kind === 'response' ? (result.body ?? null) : null;
      await tx.outboxCommand.update({
        where: { id: command.id },
        data: { status: 'DELIVERED', deliveredAt: now, failures, lastError: null, response: answer === null ? Prisma.JsonNull : (answer as Prisma.InputJsonValue) },
      });
      const onDelivered = commandRoutes[command.kind as CommandKind]?.onDelivered;
      if (onDelivered && target.kind) await onDelivered(tx, { id: command.id, kind: command.kind as CommandKind, payload: command.payload, connectorCode: target.code, connectorKind: target.kind }, answer);
      // At most once a second: every delivery writing the connector row would queue them all on its lock.
      await tx.connector.updateMany({ where: { id: target.connectorId, OR: [{ lastDeliveryAt: null }, { lastDeliveryAt: { lt: new Date(now.getTime() - 1000) } }] }, data: { lastDeliveryAt: now } });
      await resolveExceptionBySystem(tx, { code: 'CONNECTOR_DELIVERY_FAILED', entityType: 'OutboxCommand', entityId: command.id, resolution: `Delivered to ${target.code} on attempt ${command.attemptNo}.`, now, actorId: 'outbox' });
      return 'delivered';
    }
    if (step.kind === 'retry') {
      await tx.outboxCommand.update({ where: { id: command.id }, data: { status: 'PENDING', failures, lastError: error, nextAttemptAt: new Date(now.getTime() + step.delayMs) } });
      if (step.pauseTargetMs) await pauseTarget(tx, target.connectorId, new Date(now.getTime() + step.pauseTargetMs));
      return 'retry';
    }
    await tx.outboxCommand.update({ where: { id: command.id }, data: { status: 'DEAD', deadAt: now, failures, lastError: error } });
    await raiseException(tx, {
      code: 'CONNECTOR_DELIVERY_FAILED',
      entityType: 'OutboxCommand',
      entityId: command.id,
      correlationId: command.correlationId,
      impact: current.heldAmount && current.heldCurrency ? { amount: current.heldAmount.toString(), currency: current.heldCurrency, date: now } : null,
      title: `${command.kind} to ${target.code} not delivered${step.reason === 'permanent' ? ' (refused)' : ` after ${failures} failed attempts`}: ${error}`.slice(0, 500),
      details: {
        commandId: command.id,
        kind: command.kind,
        connector: target.code,
        idempotencyKey: command.idempotencyKey,
        attempts: command.attemptNo,
        failures,
        reason: step.reason,
        lastError: error,
        about: current.entityType ? { entityType: current.entityType, entityId: current.entityId } : null,
        retry: 'Fix the cause (connector endpoint, token, data), then replay this exception: the command goes back to the outbox.',
      },
      raisedBy: 'outbox',
      now,
    });
    return 'dead';
  });
}

async function pauseTarget(tx: Prisma.TransactionClient, connectorId: string, until: Date): Promise<void> {
  const [row] = await tx.$queryRaw<BudgetState[]>`SELECT tokens, "updatedAt", "pausedUntil" FROM "OutboxTargetBudget" WHERE "connectorId" = ${connectorId}::uuid FOR UPDATE`;
  if (row) await saveBudget(tx, connectorId, pauseBudget(row, until));
}

function describeFailure(result: PostedCommand): string | null {
  switch (result.kind) {
    case 'timeout':
      return 'no answer before the timeout';
    case 'network':
      return result.error.slice(0, 1000);
    case 'refused':
      return result.reason.slice(0, 1000);
    case 'response': {
      if (result.status >= 200 && result.status < 300) return null;
      if (result.status >= 300 && result.status < 400) return `HTTP ${result.status}: redirect to ${result.location ?? 'elsewhere'} refused; Threadline calls only the configured endpoint`;
      const body = result.body as { code?: unknown; detail?: unknown } | undefined;
      const detail = typeof body?.detail === 'string' ? body.detail : result.text;
      return `HTTP ${result.status}${typeof body?.code === 'string' ? ` ${body.code}` : ''}${detail ? `: ${detail}` : ''}`.slice(0, 1000);
    }
  }
}
