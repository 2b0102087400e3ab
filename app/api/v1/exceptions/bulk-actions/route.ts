// POST /api/v1/exceptions/bulk-actions {action: "assign", exceptionIds, assigneeId?}: one
// triage action on many exceptions, each judged and audited on its own (see the service).
import { apiRoute } from '@/lib/http/api-route';
import { bulkExceptionActionSchema } from '@/lib/http/schemas/exceptions';
import { bulkAssignExceptions } from '@/lib/services/exceptions/bulk-assign-exceptions';

export const POST = apiRoute({
  permission: 'exceptions:read',
  input: bulkExceptionActionSchema,
  handler: async ({ principal, body }) =>
    ({ action: body.action, ...(await bulkAssignExceptions({ exceptionIds: body.exceptionIds, assigneeId: body.assigneeId, actor: { userId: principal.userId, role: principal.role }, now: new Date() })) }),
});
