// What the simulated ERP accepts: the commands Threadline delivers (lib/outbox/commands),
// checked for the fields the ERP books on. Other fields are accepted and kept, as a real
// ERP API keeps its custom fields. Amounts are decimal strings, never JSON numbers.
import { z } from 'zod';

const id = z.string().min(1).max(256);
const amount = z.string().regex(/^-?\d{1,18}(\.\d{1,6})?$/, 'Must be a decimal string, e.g. "1250.00".');
const currency = z.string().regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 code.');

// Like a real ERP's company and project name fields (NetSuite's hold 83 characters): a longer
// name is refused with 400, which Threadline's outbox dead-letters (the demo world plants one).
export const ERP_NAME_LIMIT = 83;
const erpName = z.string().min(1).max(ERP_NAME_LIMIT, `At most ${ERP_NAME_LIMIT} characters: the ERP's name field is that long.`);
export const customerRequest = z.looseObject({ clientId: id, name: erpName, billToLegalEntityCode: id });
export const projectRequest = z.looseObject({ engagementId: id, engagementCode: id, name: erpName, currency, contractValue: amount });
export const contractRequest = z.looseObject({ engagementId: id, sowVersion: z.number().int().positive(), contractValue: amount, currency });
export const invoiceRequest = z.looseObject({
  invoiceId: id,
  number: id,
  legalEntityCode: id,
  currency,
  total: amount,
  lines: z.array(z.looseObject({ lineNo: z.number().int().positive(), amount })).min(1, 'An invoice has at least one line.'),
});
export const creditNoteRequest = invoiceRequest.extend({ originalInvoiceId: id });
export const voidRequest = z.looseObject({ invoiceId: id, number: id, reason: z.string().min(1) });
export const cashApplicationRequest = z.looseObject({ applicationId: id, invoice: z.looseObject({ id }), amount, currency });

export type CustomerRequest = z.infer<typeof customerRequest>;
export type ProjectRequest = z.infer<typeof projectRequest>;
export type ContractRequest = z.infer<typeof contractRequest>;
export type InvoiceRequest = z.infer<typeof invoiceRequest>;
export type CreditNoteRequest = z.infer<typeof creditNoteRequest>;
export type VoidRequest = z.infer<typeof voidRequest>;
export type CashApplicationRequest = z.infer<typeof cashApplicationRequest>;
