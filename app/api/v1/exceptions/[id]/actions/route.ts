// POST /api/v1/exceptions/{id}/actions {action, assigneeId?, note?, reason?, dryRun?, value?}: a triage
// action. Reading the queue is checked here; the service checks the action's own
// permission (triage, replay, finance approval), so a 403 names what was missing.
import { apiRoute } from '@/lib/http/api-route';
import { exceptionActionSchema, exceptionIdParamsSchema } from '@/lib/http/schemas/exceptions';
import { getException } from '@/lib/queries/exceptions/get-exception';
import { performExceptionAction } from '@/lib/services/exceptions/perform-exception-action';

export const POST = apiRoute({
  permission: 'exceptions:read',
  params: exceptionIdParamsSchema,
  input: exceptionActionSchema,
  handler: async ({ principal, params, body }) => {
    const result = await performExceptionAction({
      exceptionId: params.id,
      action: body.action,
      actor: { userId: principal.userId, role: principal.role },
      assigneeId: body.assigneeId,
      note: body.note,
      reason: body.reason,
      dryRun: body.dryRun,
      value: body.value,
      now: new Date(),
    });
    return {
      action: {
        id: result.actionId,
        alreadyDone: result.alreadyDone,
        ...(result.requeuedEventIds ? { requeuedEventIds: result.requeuedEventIds } : {}),
        ...(result.requeuedCommandIds ? { requeuedCommandIds: result.requeuedCommandIds } : {}),
      },
      ...(result.correction ? { correction: result.correction } : {}),
      exception: await getException({ id: params.id }),
    };
  },
});
