// The cost center an HCM update names, by code. An unknown code holds the event rather
// than inventing a cost center from a bare code (it needs a name and a legal entity, and a
// typo would silently become master data). There is no exception code for cost centers:
// the employee cannot be mastered, so it is UNKNOWN_EMPLOYEE (DATA_FIX, data stewardship),
// the same exception that holds this person's timesheets. Create the cost center, replay.
import { memoInTransaction } from '../transaction-memo.ts';
import { WorkflowHold, type Tx } from '../workflow.ts';

export async function resolveCostCenter(
  tx: Tx,
  options: { code: string; employee: { entityId: string; externalId: string; name: string } },
): Promise<{ id: string; legalEntityId: string | null }> {
  const { code, employee } = options;
  // Reference data: read once per batch transaction (see transaction-memo.ts).
  const costCenter = await memoInTransaction(tx, `cost-center:${code}`, () => tx.costCenter.findUnique({ where: { code }, select: { id: true, legalEntityId: true } }));
  if (costCenter) return costCenter;
  throw new WorkflowHold({
    code: 'UNKNOWN_EMPLOYEE',
    entityType: 'Employee',
    entityId: employee.entityId,
    title: `Employee ${employee.externalId} (${employee.name}) cannot be mastered: cost center "${code}" is not known`,
    details: { reason: 'UNKNOWN_COST_CENTER', costCenter: code, employeeId: employee.externalId },
  });
}
