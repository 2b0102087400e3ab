// What approving or rejecting UNBILLED_APPROVED_TIME does with the time (the wording is the
// classification's): approve → write it off, reject → keep it billable for the next run.
import type { ExceptionCode } from '../../db/generated/enums.ts';
import { toJsonSafe } from '../audit/to-json-safe.ts';
import type { DecisionEffect } from '../exceptions/decision-effects.ts';
import { keepUnbilledTimeBillable, writeOffUnbilledTime } from './write-off-unbilled-time.ts';

export const timeDecisionEffects: Partial<Record<ExceptionCode, DecisionEffect>> = {
  UNBILLED_APPROVED_TIME: async (tx, input) => {
    // Only the reconciliation job raises it, about an engagement; anything else has no time to move.
    if (input.exception.entityType !== 'Engagement') return { applied: false, details: { skipped: 'not about an Engagement' } };
    const details = input.decision === 'approve' ? await writeOffUnbilledTime(tx, input) : await keepUnbilledTimeBillable(tx, input);
    return { applied: true, details: toJsonSafe(details) as Record<string, unknown> };
  },
};
