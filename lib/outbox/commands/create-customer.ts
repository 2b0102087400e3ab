// CREATE_CUSTOMER → ERP: a client Threadline knows (usually created from an accepted
// quote) that the ERP does not have yet. The ERP answers with its customer id, which the
// delivery links in the id crosswalk (system = the ERP connector's code).
import { z } from 'zod';
import { commandCurrency, commandId } from './fields.ts';

export const createCustomerPayload = z.object({
  clientId: z.uuid(),
  name: z.string().min(1),
  legalName: z.string().nullable(),
  /** The group company that invoices it (LegalEntity.code). */
  billToLegalEntityCode: commandId,
  billingCurrency: commandCurrency.nullable(),
  /** The parent client's canonical id; its ERP id is looked up at delivery. */
  parentClientId: z.uuid().nullable(),
  /** Where the client came from (the CRM and its id), for the ERP's cross-reference field. */
  origin: z.object({ system: commandId, externalId: commandId }).nullable(),
});

export type CreateCustomerPayload = z.input<typeof createCustomerPayload>;
