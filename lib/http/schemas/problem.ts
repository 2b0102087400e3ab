// RFC 9457 problem details, as every error of the API is answered (lib/errors.ts): the
// standard members plus Threadline's code and correlation id, and for validation failures
// the list of what is wrong (JSON pointers into a body, parameter names for a query).
import { z } from 'zod';
import { errorStatus } from '../../errors.ts';

export const problemSchema = z
  .looseObject({
    type: z.string().describe('URI reference identifying the problem type.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional().describe('The request path.'),
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
    correlationId: z.string().optional().describe('Quote it when reporting a problem; it is in the logs.'),
    errors: z
      .array(z.object({ pointer: z.string().optional().describe('RFC 6901 pointer into the body.'), parameter: z.string().optional(), message: z.string() }))
      .optional()
      .describe('What is wrong, one entry per problem (400).'),
    pointer: z.string().optional().describe('Ingest: the first problem of a refused event.'),
    reason: z.string().optional().describe('Ingest: MALFORMED, SCHEMA_INVALID, FORBIDDEN_SOURCE, PAYLOAD_CONFLICT, ...'),
  })
  .describe('RFC 9457 problem details (application/problem+json).');
