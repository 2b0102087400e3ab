// The money effect of a FINANCE decision, per exception code (DESIGN.md §7: approve/reject
// deductions, disputes, write-offs). performExceptionAction calls the code's effect in the
// transaction that records the decision, so the two commit or fail together, and records
// `effectsApplied` with what the effect did. A code without an entry records the decision
// only (effectsApplied: false) until its flow provides one.
import type { Prisma } from '../../db/client.ts';
import type { Exception } from '../../db/generated/client.ts';
import type { ExceptionCode, Role } from '../../db/generated/enums.ts';
import { timeDecisionEffects } from '../billing/time-decision-effects.ts';
import { cashDecisionEffects } from '../cash/decision-effects.ts';

export interface DecisionEffectInput {
  exception: Exception;
  decision: 'approve' | 'reject';
  actor: { userId: string; role: Role };
  note: string | null;
  now: Date;
}

export interface DecisionEffectOutcome {
  /** True when the decision's money effect is now in place. */
  applied: boolean;
  /** What was done (ids, amounts), stored with the action. */
  details?: Record<string, unknown>;
}

export type DecisionEffect = (tx: Prisma.TransactionClient, input: DecisionEffectInput) => Promise<DecisionEffectOutcome>;

const decisionEffects: Partial<Record<ExceptionCode, DecisionEffect>> = { ...cashDecisionEffects, ...timeDecisionEffects };

export function decisionEffectFor(code: ExceptionCode): DecisionEffect | undefined {
  return decisionEffects[code];
}
