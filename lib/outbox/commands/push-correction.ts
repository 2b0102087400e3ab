// PUSH_CORRECTION → CRM, ERP or PSA: a correction from triage (DESIGN.md §6-§7) to the
// system that owns the record, field by field with the value Threadline believes it holds
// and the corrected one (lib/domain/corrections/plan-correction.ts). Sent as it was
// previewed — and, when it moves money, as FINANCE approved it.
import { z } from 'zod';
import { commandAmount, commandCurrency, commandId } from './fields.ts';

export const pushCorrectionPayload = z.object({
  /** The ExceptionAction that proposed it: the same correction keeps the same id. */
  correctionId: z.uuid(),
  exceptionId: z.uuid(),
  exceptionCode: commandId,
  record: z.object({ type: z.enum(['Quote', 'Contract', 'Customer', 'Project']), id: commandId, externalId: commandId.nullable() }),
  changes: z.array(z.object({ field: commandId, current: z.string().nullable(), corrected: z.string() })).min(1),
  movesMoney: z.boolean(),
  amount: z.object({ amount: commandAmount, currency: commandCurrency }).nullable(),
  reason: z.string().min(1),
  /** FINANCE's approval, when it moves money. */
  approvedBy: z.uuid().nullable(),
});

export type PushCorrectionPayload = z.input<typeof pushCorrectionPayload>;
