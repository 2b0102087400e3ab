// Schemas of the operational answers: health (readiness and liveness) and the data
// ownership rules.
import { z } from 'zod';
import { EntityType, SystemKind } from '../../db/generated/enums.ts';
import { dateTime } from './response-fields.ts';

const check = z.looseObject({ status: z.enum(['ok', 'failing']), detail: z.string() });

const demoWorld = z
  .object({
    status: z.enum(['off', 'loading', 'loaded', 'failed']),
    detail: z.string().optional().describe('What the loader is doing, what it loaded, or why it failed.'),
    seed: z.string().optional(),
    scale: z.number().optional(),
    startedAt: dateTime.optional(),
    finishedAt: dateTime.optional(),
  })
  .describe('The demo world of this installation (docs/DEMO.md); off when none was loaded. Not a readiness check.');

export const healthResponseSchema = z.union([
  z.object({ status: z.enum(['ok', 'failing']), checks: z.object({ database: check, migrations: check, worker: check }), demo: demoWorld }),
  z.object({ status: z.literal('ok') }).describe('?probe=live'),
]);

export const healthQuerySchema = z.object({
  probe: z.enum(['live']).optional().describe('live: answer 200 while this process serves requests, without checking dependencies.'),
  demo: z.enum(['ready']).optional().describe('ready: also answer 503 while the demo world is loading or failed to load (tests wait for it).'),
});

export const ownershipRuleSchema = z.object({
  id: z.uuid(),
  domain: z.enum(EntityType),
  field: z.string(),
  owningSystem: z.enum(SystemKind),
  note: z.string().nullable(),
  updatedAt: dateTime,
});

export const ownershipRuleListResponseSchema = z.object({ rules: z.array(ownershipRuleSchema) });
export const setOwnershipRuleResponseSchema = z.object({ rule: ownershipRuleSchema, changed: z.boolean() });
