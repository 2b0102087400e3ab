// Raises an exception, or counts another occurrence of it (DESIGN.md §7): one row per
// code and entity, classified by the domain, impact converted to USD, a SYSTEM action
// (OPEN or RECUR) for its history, and the inbox event linked so "replay" can find it.
// Runs in the caller's transaction: the worker raises exceptions in the same
// transaction that holds the event.
import type { Prisma } from '../../db/client.ts';
import type { Exception } from '../../db/generated/client.ts';
import type { EntityType, ExceptionCode } from '../../db/generated/enums.ts';
import { classify, exceptionTitle } from '../../domain/exceptions/classification.ts';
import { recoverabilityRank } from '../../domain/exceptions/recoverability-rank.ts';
import { slaDueAt } from '../../domain/exceptions/sla.ts';
import { toJsonSafe } from '../audit/to-json-safe.ts';
import { groupImpact, type ImpactInput } from './group-impact.ts';
import { upsertExceptionRow } from './upsert-exception-row.ts';

export interface RaiseExceptionInput {
  code: ExceptionCode;
  entityType: EntityType;
  /** The canonical uuid, or the external id when no canonical row exists yet. */
  entityId: string;
  correlationId?: string | null;
  legalEntityId?: string | null;
  /** The money it holds up, in its own currency, and the date whose FX rate applies. */
  impact?: ImpactInput | null;
  /** Defaults to the code's title template. */
  title?: string;
  /** Merged (shallowly, new keys win) into the details of earlier occurrences. */
  details?: Record<string, unknown>;
  /** The inbox event it concerns or holds; linked once. */
  inboxEventId?: string | null;
  /** Which part of Threadline raised it (worker, reconciliation job), for the action log. */
  raisedBy?: string;
  now: Date;
}

export async function raiseException(tx: Prisma.TransactionClient, input: RaiseExceptionInput): Promise<Exception> {
  if (!input.entityId) throw new TypeError('An exception needs the id of the entity it concerns.');
  const classification = classify(input.code);
  const impact = input.impact ? await groupImpact(tx, input.impact) : null;
  const details = input.details || impact ? (toJsonSafe({ ...input.details, ...(impact ? { fx: impact.fx } : {}) }) as Record<string, unknown>) : null;

  const { id, inserted } = await upsertExceptionRow(tx, {
    code: input.code,
    entityType: input.entityType,
    entityId: input.entityId,
    correlationId: input.correlationId ?? null,
    legalEntityId: input.legalEntityId ?? null,
    title: input.title?.trim() || exceptionTitle(input.code, input),
    recoverability: classification.recoverability,
    recoverabilityRank: recoverabilityRank(classification.recoverability),
    ownerTeam: classification.ownerTeam,
    financialImpact: impact?.financialImpact ?? '0',
    impactAmount: impact?.impactAmount ?? null,
    impactCurrency: impact?.impactCurrency ?? null,
    slaDueAt: slaDueAt(input.now, classification.slaHours),
    details,
    inboxEventId: input.inboxEventId ?? null,
    now: input.now,
  });

  if (input.inboxEventId) {
    await tx.exceptionEvent.createMany({ data: [{ exceptionId: id, inboxEventId: input.inboxEventId, linkedAt: input.now }], skipDuplicates: true });
  }
  const exception = await tx.exception.findUniqueOrThrow({ where: { id } });
  await tx.exceptionAction.create({
    data: {
      exceptionId: id,
      kind: inserted ? 'OPEN' : 'RECUR',
      actorType: 'SYSTEM',
      actorId: input.raisedBy ?? null,
      data: toJsonSafe({
        occurrences: exception.occurrences,
        status: exception.status,
        inboxEventId: input.inboxEventId ?? undefined,
        impact: impact ? { amount: impact.impactAmount, currency: impact.impactCurrency, financialImpact: impact.financialImpact } : undefined,
      }) as Prisma.InputJsonValue,
      at: input.now,
    },
  });
  return exception;
}
