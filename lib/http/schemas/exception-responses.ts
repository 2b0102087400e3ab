// Schemas of the exception queue's answers (GET /api/v1/exceptions, GET .../{id},
// POST .../{id}/actions), matching lib/queries/exceptions/exception-view.ts.
import { z } from 'zod';
import { EntityType, ExceptionCode, ExceptionStatus, OwnerTeam, Recoverability } from '../../db/generated/enums.ts';
import { currencyCode, dateTime, decimalString, moneyString, pageOf } from './response-fields.ts';

const amountInCurrency = z.object({ amount: decimalString, currency: currencyCode });

export const exceptionSchema = z.object({
  id: z.uuid(),
  code: z.enum(ExceptionCode),
  title: z.string(),
  entityType: z.enum(EntityType),
  entityId: z.string(),
  correlationId: z.string().nullable(),
  legalEntityId: z.uuid().nullable(),
  recoverability: z.enum(Recoverability),
  ownerTeam: z.enum(OwnerTeam),
  financialImpact: z.object({ amount: moneyString, currency: currencyCode }).describe('The money it holds up, in the group currency.'),
  impact: amountInCurrency.nullable().describe('The same in its original currency.'),
  status: z.enum(ExceptionStatus),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  occurrences: z.number().int(),
  firstSeenAt: dateTime,
  lastSeenAt: dateTime,
  slaDueAt: dateTime.nullable(),
  resolvedAt: dateTime.nullable(),
  resolution: z.string().nullable(),
});

export const exceptionPageSchema = pageOf(exceptionSchema);

export const exceptionDetailSchema = exceptionSchema.extend({
  details: z.unknown(),
  actions: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      actorType: z.string(),
      actorId: z.string().nullable(),
      note: z.string().nullable(),
      data: z.unknown(),
      approvalStatus: z.string(),
      decidedById: z.string().nullable(),
      decidedAt: dateTime.nullable(),
      at: dateTime,
    }),
  ),
  actionCount: z.number().int(),
  events: z.array(z.object({ id: z.uuid(), source: z.string(), eventId: z.string(), type: z.string(), status: z.string(), receivedAt: dateTime, linkedAt: dateTime })),
  eventCount: z.number().int(),
});

export const exceptionActionResponseSchema = z.object({
  action: z.object({
    id: z.uuid().nullable().describe('null when the action was already done (repeating it changes nothing).'),
    alreadyDone: z.boolean(),
    requeuedEventIds: z.array(z.uuid()).optional(),
    requeuedCommandIds: z.array(z.uuid()).optional().describe('replay of CONNECTOR_DELIVERY_FAILED: the dead outbox commands put back in the outbox.'),
  }),
  exception: exceptionDetailSchema,
});

export const bulkExceptionActionResponseSchema = z.object({
  action: z.literal('assign'),
  assigneeId: z.uuid(),
  assigned: z.number().int(),
  alreadyDone: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.object({
      id: z.uuid(),
      outcome: z.enum(['assigned', 'alreadyDone', 'failed']),
      error: z.object({ code: z.string(), message: z.string() }).optional().describe('Why this one was not assigned (e.g. CONFLICT: it was resolved meanwhile; NOT_FOUND).'),
    }),
  ),
});

export const inlineFixResponseSchema = z.object({
  fix: z.object({
    kind: z.enum(['service-sku', 'legal-entity', 'client-link']),
    system: z.string().describe('The connector code the mapping or crosswalk link belongs to.'),
    externalValues: z.array(z.string()),
  }),
  changed: z.number().int().describe('Mappings or links that were new or changed (0 when the same choice was made again).'),
  requeuedEventIds: z.array(z.uuid()).nullable().describe('The held events put back in the inbox; null when replay was false.'),
  exception: exceptionDetailSchema,
});
