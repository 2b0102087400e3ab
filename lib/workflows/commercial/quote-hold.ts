// Holds raised while accepting a quote (DESIGN.md §6 "validation before creation"): the
// exception is on the quote (its canonical id once it exists, else the CRM's quote id) and
// carries the quote's total value as its financial impact, converted to USD on the
// acceptance date by raiseException. The first failing check wins; fixing and replaying
// the event runs every check again.
import type { ExceptionCode } from '../../db/generated/enums.ts';
import { WorkflowHold } from '../workflow.ts';

export interface QuoteHoldTarget {
  /** Quote.id when the quote exists (a later version), else the sender's quote id. */
  entityId: string;
  quoteId: string;
  quoteVersion: number;
  impact: { amount: string; currency: string; date: Date };
  legalEntityId?: string;
}

export function quoteHold(target: QuoteHoldTarget, code: ExceptionCode, problem: string, details: Record<string, unknown> = {}): WorkflowHold {
  return new WorkflowHold({
    code,
    entityType: 'Quote',
    entityId: target.entityId,
    title: `Quote ${target.quoteId} v${target.quoteVersion}: ${problem}`,
    impact: target.impact,
    legalEntityId: target.legalEntityId,
    details: { quoteId: target.quoteId, quoteVersion: target.quoteVersion, ...details },
  });
}
