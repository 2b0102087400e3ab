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

export const correctionSchema = z
  .object({
    status: z.enum(['PREVIEW', 'PENDING_APPROVAL', 'ENQUEUED', 'REJECTED']),
    actionId: z.uuid().nullable().describe('The PUSH_CORRECTION action that proposed or pushed it; null for a dry run.'),
    movesMoney: z.boolean().describe('When true, FINANCE approves it before it enters the outbox.'),
    amount: amountInCurrency.nullable().describe('The money it moves (signed where a direction exists).'),
    summary: z.string(),
    diff: z.array(
      z.object({
        system: z.enum(['CRM', 'ERP', 'PSA']),
        connector: z.string().describe('The connector the command goes to.'),
        recordType: z.enum(['Quote', 'Contract', 'Customer', 'Project']),
        recordId: z.string().describe('The key Threadline gave the record in that system.'),
        externalId: z.string().nullable().describe("The system's own id, when known."),
        field: z.string(),
        current: z.string().nullable().describe('The value that system holds, as Threadline knows it.'),
        corrected: z.string(),
      }),
    ),
    commandIds: z.array(z.uuid()).describe('The PUSH_CORRECTION outbox commands, once enqueued.'),
  })
  .describe('push-correction (and approve/reject of a pending correction): what will change where.');

export const exceptionActionResponseSchema = z.object({
  action: z.object({
    id: z.uuid().nullable().describe('null when the action was already done (repeating it changes nothing).'),
    alreadyDone: z.boolean(),
    requeuedEventIds: z.array(z.uuid()).optional(),
    requeuedCommandIds: z.array(z.uuid()).optional().describe('replay of CONNECTOR_DELIVERY_FAILED: the dead outbox commands put back in the outbox.'),
  }),
  correction: correctionSchema.optional(),
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
