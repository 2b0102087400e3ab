// An inline fix from triage (issue 6): the person picks, for each of the sender's values
// the exception names, the canonical counterpart — a catalog item for an unknown SKU, a
// legal entity for an unknown code, an existing client for an unknown client id — and
// Threadline writes it where the workflow looks on replay (a value mapping or the id
// crosswalk), records it on the exception, and, when asked, replays the held events in
// the same transaction. Lock, check, act: one person's fix is judged after another's.
import { can, roleLabels } from '../../auth/permissions.ts';
import { db, Prisma } from '../../db/client.ts';
import type { Exception } from '../../db/generated/client.ts';
import type { Role } from '../../db/generated/enums.ts';
import { inlineFixFor, type InlineFix } from '../../domain/exceptions/inline-fix.ts';
import { AppError } from '../../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { isExternalRefConflict, linkExternalRef } from '../crosswalk/link-external-ref.ts';
import { setInboundValueMapping } from '../mappings/set-inbound-value-mapping.ts';
import { performExceptionAction } from './perform-exception-action.ts';
import { isUuid } from '../../http/is-uuid.ts';

export interface InlineFixChoice {
  /** The sender's value, as the exception names it. */
  external: string;
  /** Ours: a catalog SKU, a legal entity code, or a client id. */
  canonical: string;
}

export interface FixExceptionInlineInput {
  exceptionId: string;
  actor: { userId: string; role: Role };
  choices: readonly InlineFixChoice[];
  /** Replay the held events right after the fix (needs exceptions:replay too). */
  replay: boolean;
  now: Date;
}

export interface FixedExceptionInline {
  fix: InlineFix & { system: string };
  /** How many mappings or links were new or changed (0: the same choice again). */
  changed: number;
  requeuedEventIds: string[] | null;
}

const invalid = (pointer: string, message: string, sentence = message) => new AppError('VALIDATION_FAILED', sentence, { details: { errors: [{ pointer, message }] } });

export async function fixExceptionInline(input: FixExceptionInlineInput): Promise<FixedExceptionInline> {
  const { actor } = input;
  if (!can(actor.role, 'mappings:fix')) throw new AppError('FORBIDDEN', `The ${roleLabels[actor.role]} role cannot fix mappings (needs mappings:fix).`);
  if (input.replay && !can(actor.role, 'exceptions:replay')) throw new AppError('FORBIDDEN', `The ${roleLabels[actor.role]} role cannot replay events (needs exceptions:replay).`);
  if (!isUuid(input.exceptionId)) throw new AppError('NOT_FOUND', 'No such exception.');

  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Exception" WHERE id = ${input.exceptionId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError('NOT_FOUND', 'No such exception.');
    const exception = await tx.exception.findUniqueOrThrow({ where: { id: input.exceptionId } });
    if (exception.status !== 'OPEN' && exception.status !== 'ASSIGNED') throw new AppError('CONFLICT', `This exception is ${exception.status.toLowerCase()}; reopen it by replaying the event if it still fails.`);
    const found = inlineFixFor(exception.code, exception.details);
    if (!found) throw new AppError('UNPROCESSABLE', `${exception.code} has no inline fix here: fix the data in the owning system, then replay.`);
    const fix = { ...found, system: found.system ?? (await senderOf(tx, exception.id)) };
    const choices = checkChoices(fix, input.choices);

    let changed = 0;
    const auditActor = { type: 'USER', id: actor.userId } as const;
    for (const [external, canonical] of choices) {
      const written = await writeChoice(tx, { fix, external, canonical, exception, actor: auditActor, now: input.now });
      if (written) changed++;
    }
    const data = { fix: fix.kind, system: fix.system, choices: Object.fromEntries(choices) };
    await tx.exceptionAction.create({ data: { exceptionId: exception.id, kind: 'FIX_MAPPING', actorType: 'USER', actorId: actor.userId, data, at: input.now } });
    await writeAudit(tx, { actor: auditActor, entityType: 'Exception', entityId: exception.id, action: 'exception.mapping-fixed', after: data, correlationId: exception.correlationId, at: input.now });

    const replayed = input.replay ? await performExceptionAction(tx, { exceptionId: exception.id, action: 'replay', actor, now: input.now }) : null;
    return { fix, changed, requeuedEventIds: replayed?.requeuedEventIds ?? null };
  });
}

/** Each value the fix needs, chosen exactly once; nothing else. */
function checkChoices(fix: InlineFix, given: readonly InlineFixChoice[]): Map<string, string> {
  const choices = new Map<string, string>();
  given.forEach((choice, index) => {
    if (!fix.externalValues.includes(choice.external)) throw invalid(`/choices/${index}/external`, `"${choice.external}" is not a value this exception is about.`);
    if (choices.has(choice.external)) throw invalid(`/choices/${index}/external`, `"${choice.external}" is chosen twice.`);
    choices.set(choice.external, choice.canonical.trim());
  });
  const missing = fix.externalValues.filter((value) => !choices.get(value));
  if (missing.length) throw invalid('/choices', `Choose a value for ${missing.join(', ')}.`);
  return choices;
}

// The connector whose events the exception holds: the namespace of its mappings.
async function senderOf(tx: Prisma.TransactionClient, exceptionId: string): Promise<string> {
  const rows = await tx.$queryRaw<{ code: string }[]>`
    SELECT DISTINCT c.code FROM "ExceptionEvent" ee JOIN "InboxEvent" ie ON ie.id = ee."inboxEventId" JOIN "Connector" c ON c.id = ie."connectorId"
    WHERE ee."exceptionId" = ${exceptionId}::uuid LIMIT 2`;
  if (rows.length !== 1) throw new AppError('UNPROCESSABLE', 'Cannot tell which connected system sent the value (no single connector among the linked events): add the mapping in the owning system, then replay.');
  return rows[0]!.code;
}

async function writeChoice(
  tx: Prisma.TransactionClient,
  o: { fix: InlineFix & { system: string }; external: string; canonical: string; exception: Exception; actor: { type: 'USER'; id: string }; now: Date },
): Promise<boolean> {
  const { fix, external, canonical, exception, actor, now } = o;
  const common = { system: fix.system, externalValue: external, canonicalValue: canonical, actor, correlationId: exception.correlationId, now };
  switch (fix.kind) {
    case 'service-sku': {
      const item = await tx.serviceCatalogItem.findUnique({ where: { sku: canonical }, select: { active: true } });
      if (!item?.active) throw invalid('/choices', `"${canonical}" is not an active catalog item.`);
      return (await setInboundValueMapping(tx, { ...common, entityType: 'ServiceCatalogItem', canonicalField: 'sku' })).changed;
    }
    case 'legal-entity': {
      const entity = await tx.legalEntity.findUnique({ where: { code: canonical }, select: { active: true } });
      if (!entity?.active) throw invalid('/choices', `"${canonical}" is not an active legal entity.`);
      return (await setInboundValueMapping(tx, { ...common, entityType: 'LegalEntity', canonicalField: 'code' })).changed;
    }
    case 'client-link': {
      const client = isUuid(canonical) ? await tx.client.findUnique({ where: { id: canonical }, select: { id: true } }) : null;
      if (!client) throw invalid('/choices', 'Choose an existing client.');
      try {
        const { created } = await linkExternalRef(tx, { system: fix.system, entityType: 'Client', externalId: external, entityId: client.id });
        if (created) await writeAudit(tx, { actor, entityType: 'Client', entityId: client.id, action: 'external-ref.linked', after: { system: fix.system, entityType: 'Client', externalId: external, entityId: client.id }, correlationId: exception.correlationId, at: now });
        return created;
      } catch (error) {
        if (isExternalRefConflict(error)) throw new AppError('CONFLICT', error.message);
        throw error;
      }
    }
  }
}
