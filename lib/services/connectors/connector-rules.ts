// What a valid connector registration is, as zod schemas shared by the services, the
// admin API (request bodies) and the CLI, so all three refuse the same things with the
// same words.
import { z } from 'zod';
import { SystemKind } from '../../db/generated/enums.ts';
import { AppError } from '../../errors.ts';
import { pointerErrors } from '../../http/validation-errors.ts';

export const CONNECTOR_CODE_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;
export const MAX_SOURCES = 50;
export const MAX_OVERLAP_HOURS = 24 * 30;
export const DEFAULT_OVERLAP_HOURS = 24;

export const connectorCodeSchema = z
  .string()
  .regex(CONNECTOR_CODE_PATTERN, 'Use 2 to 41 lowercase letters, digits or dashes, starting with a letter (e.g. crm, erp-eu).');

// THREADLINE marks changes made in Threadline itself; it is not a kind of connected system.
const connectorKinds = Object.values(SystemKind).filter((kind) => kind !== 'THREADLINE') as [SystemKind, ...SystemKind[]];
export const connectorKindSchema = z.enum(connectorKinds, { message: `Must be one of ${connectorKinds.join(', ')}.` });

// RFC 3986 URI-reference characters (CloudEvents `source`), with well-formed %-escapes.
const uriReferencePattern = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;
export const eventSourceSchema = z
  .string()
  .min(1, { message: 'A source cannot be empty.', abort: true })
  .max(1024, 'At most 1024 characters.')
  .regex(uriReferencePattern, 'Must be a URI-reference (the CloudEvents source), e.g. /demo/crm or urn:example:crm, without spaces.');

export const connectorSourcesSchema = z
  .array(eventSourceSchema)
  .min(1, 'Register at least one source.')
  .max(MAX_SOURCES, `At most ${MAX_SOURCES} sources.`)
  .superRefine((sources, ctx) => {
    sources.forEach((source, index) => {
      if (sources.indexOf(source) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `${source} is listed twice.` });
    });
  });

export const connectorEndpointSchema = z
  .string()
  .max(2048, 'At most 2048 characters.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Must be an absolute http(s) URL, e.g. https://erp.example.com/threadline.');

export const createConnectorSchema = z.object({
  code: connectorCodeSchema,
  name: z.string().trim().min(1, 'Give the connector a name.').max(100, 'At most 100 characters.'),
  kind: connectorKindSchema,
  sources: connectorSourcesSchema,
  endpoint: connectorEndpointSchema.nullable().default(null),
  ingestRateLimitPerMinute: z.number().int('Whole events per minute.').min(1, 'At least 1.').max(10_000_000, 'At most 10,000,000.').nullable().default(null),
  withSigningSecret: z.boolean().default(true),
});

export type CreateConnectorInput = z.input<typeof createConnectorSchema>;

export const rotateConnectorSchema = z
  .object({
    what: z.enum(['token', 'secret'], { message: 'Must be token or secret.' }),
    overlapHours: z.number().min(0, 'At least 0 (0 ends the old one at once).').max(MAX_OVERLAP_HOURS, `At most ${MAX_OVERLAP_HOURS} hours.`).default(DEFAULT_OVERLAP_HOURS),
    // A secret the sender issues itself (Stripe shows its endpoint's whsec_… and cannot take ours).
    secret: z.string().min(16, 'At least 16 characters.').max(256, 'At most 256 characters.').regex(/^\S+$/, 'No spaces.').optional(),
  })
  .refine((input) => input.secret === undefined || input.what === 'secret', { path: ['secret'], message: 'Only a signing secret can be given; tokens are always generated.' });

/** Parses a service's input; failures become VALIDATION_FAILED with JSON pointers. */
export function parseConnectorInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = pointerErrors(result.error.issues);
  throw new AppError('VALIDATION_FAILED', `The connector is not valid: ${errors.map((e) => `${e.pointer || '/'} ${e.message}`).join(' ')}`, { details: { errors } });
}
