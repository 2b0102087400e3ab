// POST /api/v1/exceptions/{id}/fix {choices: [{external, canonical}], replay?}: an inline
// fix (a value mapping or a crosswalk link) and, by default, the replay of the held events.
import { apiRoute } from '@/lib/http/api-route';
import { exceptionIdParamsSchema, inlineFixSchema } from '@/lib/http/schemas/exceptions';
import { getException } from '@/lib/queries/exceptions/get-exception';
import { fixExceptionInline } from '@/lib/services/exceptions/fix-exception-inline';

export const POST = apiRoute({
  permission: 'exceptions:read',
  params: exceptionIdParamsSchema,
  input: inlineFixSchema,
  handler: async ({ principal, params, body }) => {
    const fixed = await fixExceptionInline({ exceptionId: params.id, actor: { userId: principal.userId, role: principal.role }, choices: body.choices, replay: body.replay, now: new Date() });
    return { ...fixed, exception: await getException({ id: params.id }) };
  },
});
