// Schemas of POST /api/v1/milestones/{id}/evidence {uri, sha256}: DELIVERY attaches a
// document proving a completed milestone; billability is re-evaluated.
import { z } from 'zod';
import { MilestoneStatus } from '../../db/generated/enums.ts';

export const milestoneParamsSchema = z.object({ id: z.uuid() });

export const attachEvidenceBodySchema = z.object({
  uri: z
    .string()
    .trim()
    .min(1, 'Say where the document is.')
    .max(2000)
    .refine((value) => URL.canParse(value), 'Must be a full address, e.g. https://docs.example.com/signoff.pdf.')
    .describe('Where the evidence document is (https://, s3://, sharepoint link…).'),
  sha256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'Must be the SHA-256 of the document: 64 hexadecimal characters.')
    .describe('SHA-256 of the document, hex.'),
});

export const attachedEvidenceSchema = z.object({
  milestoneId: z.uuid(),
  status: z.enum(MilestoneStatus),
  billable: z.boolean(),
  alreadyAttached: z.boolean().describe('The same document (hash) was already attached: nothing changed.'),
  missing: z.array(z.string()).describe('What still keeps it from billing (MISSING_APPROVAL); empty when billable.'),
  evidenceCount: z.number().int(),
});
