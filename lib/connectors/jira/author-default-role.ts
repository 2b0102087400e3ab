// The role a Jira worklog is priced at: Jira knows people, not roles, so the author's
// employee (crosswalk: any system's Employee id = the accountId, the PSA connector's own
// first) lends its default service role. Unknown author or no default role → null.
import { db } from '../../db/client.ts';

export async function authorDefaultRole(options: { system: string; accountId: string }): Promise<string | null> {
  const refs = await db().externalRef.findMany({ where: { entityType: 'Employee', externalId: options.accountId }, select: { system: true, entityId: true } });
  const own = refs.find((r) => r.system === options.system);
  const ids = new Set(refs.map((r) => r.entityId));
  const employeeId = own?.entityId ?? (ids.size === 1 ? [...ids][0] : undefined);
  if (!employeeId) return null;
  const employee = await db().employee.findUnique({ where: { id: employeeId }, select: { defaultServiceRole: { select: { code: true } } } });
  return employee?.defaultServiceRole?.code ?? null;
}
