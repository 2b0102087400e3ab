// Schemas of the connectors admin API: registered connected systems without credentials,
// and the one-time answers that carry a new token or signing secret.
import { z } from 'zod';
import { connectorCodeSchema, connectorKindSchema } from '../../services/connectors/connector-rules.ts';
import { dateTime } from './response-fields.ts';

export const connectorCodeParamsSchema = z.object({ code: connectorCodeSchema });

const connectorSecretSchema = z.object({
  id: z.uuid(),
  fingerprint: z.string(),
  state: z.enum(['current', 'scheduled', 'expired', 'revoked']),
  activeFrom: dateTime,
  expiresAt: dateTime.nullable(),
  revokedAt: dateTime.nullable(),
  createdAt: dateTime,
});

export const connectorSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: connectorKindSchema,
  sources: z.array(z.string()).describe('CloudEvents sources it may send.'),
  endpoint: z.string().nullable(),
  active: z.boolean(),
  ingestRateLimitPerMinute: z.number().int().nullable(),
  tokenPrefix: z.string().nullable(),
  previousTokenValidUntil: dateTime.nullable(),
  requiresSignature: z.boolean(),
  activeSecretCount: z.number().int(),
  secrets: z.array(connectorSecretSchema),
  lastEventAt: dateTime.nullable(),
  lastDeliveryAt: dateTime.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const connectorListResponseSchema = z.object({ connectors: z.array(connectorSchema) });

export const createdConnectorSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: connectorKindSchema,
  sources: z.array(z.string()),
  endpoint: z.string().nullable(),
  ingestRateLimitPerMinute: z.number().int().nullable(),
  tokenPrefix: z.string(),
  secretFingerprint: z.string().nullable(),
  createdAt: dateTime,
  token: z.string().describe('The bearer token (tl_con_…), shown once.'),
  signingSecret: z.string().nullable().describe('The signing secret (tl_whsec_…), shown once; null when created without one.'),
});

export const rotatedCredentialSchema = z.discriminatedUnion('what', [
  z.object({ what: z.literal('token'), code: z.string(), token: z.string(), tokenPrefix: z.string(), previousValidUntil: dateTime.nullable() }),
  z.object({ what: z.literal('secret'), code: z.string(), signingSecret: z.string(), fingerprint: z.string(), previousValidUntil: dateTime.nullable() }),
]);

const count = z.number().int().nonnegative();

export const connectorHealthResponseSchema = z.object({
  items: z.array(
    z.object({
      connector: connectorSchema.pick({ id: true, code: true, name: true, kind: true, sources: true, active: true }),
      health: z.object({
        lastEventAt: dateTime.nullable(),
        receivedToday: count,
        backlog: z.object({ RECEIVED: count, FAILED: count, PARKED: count, HELD: count }).describe('Inbox events waiting, by status.'),
        processedLastHour: count,
        p50LatencyMs: z.number().nullable().describe('processedAt − receivedAt of events processed in the last hour; null with none.'),
        p95LatencyMs: z.number().nullable(),
        successRate: z.number().min(0).max(1).nullable().describe('Processed ÷ (processed + failed + held), events received in the last 24 hours.'),
        outboxPending: count,
        deadLetters: count,
      }),
    }),
  ),
});
