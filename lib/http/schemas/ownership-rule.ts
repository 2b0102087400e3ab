// Request schemas of /api/v1/ownership-rules (and, later, the admin page's actions).
import { z } from 'zod';
import { EntityType, SystemKind } from '../../db/generated/enums.ts';

const domain = z.enum(EntityType, { error: 'Expected a canonical entity name, e.g. "Client".' });
const field = z.string().trim().min(1, 'Name a field, or "*" for every field.').max(100, 'At most 100 characters.');

export const listOwnershipRulesQuery = z.object({ domain: domain.optional() });

export const setOwnershipRuleBody = z.object({
  domain,
  field,
  owningSystem: z.enum(SystemKind, { error: `Expected one of ${Object.values(SystemKind).join(', ')}.` }),
  note: z.string().trim().max(500, 'At most 500 characters.').nullable().optional(),
});

export const deleteOwnershipRuleQuery = z.object({ domain, field });
