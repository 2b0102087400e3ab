// CREATE_PROJECT → ERP and PSA: the engagement shell created at quote acceptance. The
// PSA answers (or later sends q2c.project.created.v1) with its project id, which
// activates the engagement; the ERP's project id goes into Engagement.erpProjectId.
import { z } from 'zod';
import { billingModel, commandAmount, commandCurrency, commandDate, commandHours, commandId } from './fields.ts';

export const createProjectPayload = z.object({
  engagementId: z.uuid(),
  engagementCode: commandId,
  correlationId: commandId,
  name: z.string().min(1),
  client: z.object({ id: z.uuid(), name: z.string().min(1) }),
  legalEntityCode: commandId,
  currency: commandCurrency,
  billingModel,
  contractValue: commandAmount,
  estimatedCost: commandAmount.nullable(),
  budgetHours: commandHours.nullable(),
  quote: z.object({ externalId: commandId, version: z.number().int().positive(), acceptedAt: z.iso.datetime({ offset: true }) }),
  milestones: z.array(z.object({ ref: commandId, name: z.string(), amount: commandAmount, dueDate: commandDate.nullable() })),
});

export type CreateProjectPayload = z.input<typeof createProjectPayload>;
