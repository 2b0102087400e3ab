// GET /api/v1/ownership-rules?domain=: which system owns which field (DESIGN.md §6).
// PUT {domain, field, owningSystem, note?}: sets one rule (repeatable). DELETE
// ?domain=&field=: removes one (204, repeatable). Changes are ADMIN-only and audited.
import { apiRoute } from '@/lib/http/api-route';
import { deleteOwnershipRuleQuery, listOwnershipRulesQuery, setOwnershipRuleBody } from '@/lib/http/schemas/ownership-rule';
import { listOwnershipRules } from '@/lib/queries/stewardship/list-ownership-rules';
import { deleteOwnershipRule } from '@/lib/services/stewardship/delete-ownership-rule';
import { setOwnershipRule } from '@/lib/services/stewardship/set-ownership-rule';

export const GET = apiRoute({
  // Integration ops read the rules to triage OWNERSHIP_VIOLATION; ADMIN to manage them.
  permission: 'connectors:read',
  query: listOwnershipRulesQuery,
  handler: async ({ query }) => ({ rules: await listOwnershipRules({ domain: query.domain }) }),
});

export const PUT = apiRoute({
  permission: 'ownership:manage',
  input: setOwnershipRuleBody,
  handler: async ({ principal, body, correlationId }) => {
    const { rule, changed } = await setOwnershipRule({ userId: principal.userId, ...body, correlationId });
    return { rule, changed };
  },
});

export const DELETE = apiRoute({
  permission: 'ownership:manage',
  query: deleteOwnershipRuleQuery,
  handler: async ({ principal, query, correlationId }) => {
    await deleteOwnershipRule({ userId: principal.userId, domain: query.domain, field: query.field, correlationId });
  },
});
