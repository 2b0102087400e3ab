// Plans a correction for an exception (the pure domain decides what changes where) and
// settles where each step goes: the active connector of that kind of system. Nothing is
// written; push, preview and approval all start here.
import type { Exception } from '../../db/generated/client.ts';
import { planCorrection } from '../../domain/corrections/plan-correction.ts';
import { AppError } from '../../errors.ts';
import { resolveCommandTarget } from '../../outbox/resolve-command-target.ts';
import type { Tx } from '../../workflows/workflow.ts';
import { settleCorrection, type SettledCorrection } from './correction-record.ts';

export async function prepareCorrection(tx: Tx, options: { exception: Exception; value?: string | null }): Promise<SettledCorrection> {
  const { exception, value } = options;
  const activeLegalEntityCodes =
    exception.code === 'INVALID_LEGAL_ENTITY' ? (await tx.legalEntity.findMany({ where: { active: true }, select: { code: true } })).map((e) => e.code) : [];
  const result = planCorrection({
    code: exception.code,
    entityType: exception.entityType,
    entityId: exception.entityId,
    details: exception.details && typeof exception.details === 'object' && !Array.isArray(exception.details) ? (exception.details as Record<string, unknown>) : {},
    impact: exception.impactAmount && exception.impactCurrency ? { amount: exception.impactAmount.toString(), currency: exception.impactCurrency } : null,
    value: value ?? null,
    activeLegalEntityCodes,
  });
  if (!result.ok) {
    if (result.needsValue) throw new AppError('VALIDATION_FAILED', result.reason, { details: { errors: [{ pointer: '/value', message: result.reason }] } });
    throw new AppError('UNPROCESSABLE', result.reason);
  }
  const connectors: string[] = [];
  for (const step of result.plan.steps) {
    const target = await resolveCommandTarget(tx, step.system);
    if (!target.ok) {
      const why = target.reason === 'missing' ? `no active ${step.system} connector` : `several ${step.system} connectors (${target.candidates.join(', ')}) and none is called ${step.system.toLowerCase()}`;
      throw new AppError('UNPROCESSABLE', `The correction cannot be sent: ${why}.`);
    }
    connectors.push(target.code);
  }
  return settleCorrection(result.plan, connectors);
}
