// POST /api/v1/milestones/{id}/evidence {uri, sha256}: attaches evidence to a completed
// milestone and re-evaluates whether it is billable. DELIVERY (delivery:fix). Repeatable.
import { apiRoute } from '@/lib/http/api-route';
import { attachEvidenceBodySchema, milestoneParamsSchema } from '@/lib/http/schemas/milestones';
import { attachMilestoneEvidence } from '@/lib/services/delivery/attach-milestone-evidence';

export const POST = apiRoute({
  permission: 'delivery:fix',
  params: milestoneParamsSchema,
  input: attachEvidenceBodySchema,
  handler: async ({ principal, params, body }) => ({ ...(await attachMilestoneEvidence({ milestoneId: params.id, ...body, actor: { userId: principal.userId }, now: new Date() })) }),
});
