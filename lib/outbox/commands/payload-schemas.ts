// The payload schema of every command kind Threadline enqueues (zod at every boundary:
// what goes to a connected system is checked before it is stored). A kind without a
// schema here cannot be enqueued — add its file next to these when a flow needs it.
import type { z } from 'zod';
import type { OutboxCommandKind } from '../../db/generated/enums.ts';
import { createCustomerPayload } from './create-customer.ts';
import { createProjectPayload } from './create-project.ts';
import { postCashApplicationPayload } from './post-cash-application.ts';
import { postCreditNotePayload } from './post-credit-note.ts';
import { postInvoicePayload } from './post-invoice.ts';
import { pushCorrectionPayload } from './push-correction.ts';
import { updateContractPayload } from './update-contract.ts';
import { voidInvoicePayload } from './void-invoice.ts';

export const commandPayloadSchemas = {
  CREATE_CUSTOMER: createCustomerPayload,
  CREATE_PROJECT: createProjectPayload,
  UPDATE_CONTRACT: updateContractPayload,
  POST_CASH_APPLICATION: postCashApplicationPayload,
  POST_INVOICE: postInvoicePayload,
  VOID_INVOICE: voidInvoicePayload,
  POST_CREDIT_NOTE: postCreditNotePayload,
  PUSH_CORRECTION: pushCorrectionPayload,
} as const satisfies Partial<Record<OutboxCommandKind, z.ZodType>>;

export type CommandKind = keyof typeof commandPayloadSchemas;
export type CommandPayload<K extends CommandKind> = z.input<(typeof commandPayloadSchemas)[K]>;

export function isEnqueueableKind(kind: string): kind is CommandKind {
  return Object.hasOwn(commandPayloadSchemas, kind);
}
