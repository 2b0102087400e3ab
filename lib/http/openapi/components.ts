// The fixed parts of the OpenAPI document: how callers authenticate, the problem+json
// answers every operation may give, and the tags operations are grouped by.
import { errorStatus } from '../../errors.ts';
import type { OperationAuth } from './operation.ts';

export const securitySchemes = {
  personalToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'tl_pat_…',
    description: 'A personal API token (created in the console under Settings, or POST /api/v1/me/tokens); it carries its owner’s role.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'next-auth.session-token',
    description: 'The console’s signed-in session (named __Secure-next-auth.session-token over https).',
  },
  connectorToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'tl_con_…',
    description: 'A connected system’s token (POST /api/v1/connectors). Only for POST /api/v1/events and POST /api/v1/imports/camt053.',
  },
  threadlineSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'Threadline-Signature',
    description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> with the connector’s signing secret; required when it has one, within 5 minutes.',
  },
} as const;

/** Alternatives (any one object satisfies the operation); both schemes of one object together. */
export const securityFor: Record<OperationAuth, Record<string, string[]>[]> = {
  user: [{ personalToken: [] }, { sessionCookie: [] }],
  connector: [{ connectorToken: [], threadlineSignature: [] }, { connectorToken: [] }],
  public: [],
};

const problemDescriptions: Record<number, string> = {
  400: 'The request is malformed or invalid; `errors` lists each problem (JSON pointer or parameter).',
  401: 'Not authenticated: no credentials, or an invalid, expired or revoked token.',
  403: 'Authenticated, but the role (or connector) may not do this; `detail` names what is missing.',
  404: 'No such resource.',
  409: 'Conflicts with the current state (e.g. an event id already used with another payload).',
  413: 'The body is too large.',
  415: 'Unsupported content type.',
  422: 'Understood, but it cannot be done as asked (e.g. a correction with nothing to push).',
  429: 'Rate limited; retry after the Retry-After header.',
  500: 'Unexpected failure; it is logged with the correlation id.',
  503: 'Not ready; `detail` names the failing check.',
};

export const problemStatuses = Object.keys(problemDescriptions).map(Number);

export function problemResponses(): Record<string, unknown> {
  return Object.fromEntries(
    problemStatuses.map((status) => [
      `Problem${status}`,
      {
        description: problemDescriptions[status],
        headers: status === 429 ? { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } : undefined,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
}

// Every status the problem responses describe must be one lib/errors.ts can produce.
const knownStatuses = new Set<number>(Object.values(errorStatus));
for (const status of problemStatuses) if (!knownStatuses.has(status)) throw new Error(`No error code answers ${status}`);

export const tags = [
  { name: 'Engagements', description: 'The canonical record of client work, with billed, recognized, collected and unbilled.' },
  { name: 'Invoices', description: 'Invoices and credit notes, their lines and the sources behind every line.' },
  { name: 'Revenue', description: 'Revenue recognition ledger per engagement.' },
  { name: 'Periods', description: 'Accounting periods per legal entity: close and reopen (nothing posts into a closed month).' },
  { name: 'Cash', description: 'Payments applied to invoices, their reversals, deductions and disputes.' },
  { name: 'Lineage', description: 'Quote-to-cash lineage and amount explanations.' },
  { name: 'Ingest', description: 'Business events from connected systems (CloudEvents 1.0).' },
  { name: 'Inbox', description: 'Received events as people see them.' },
  { name: 'Exceptions', description: 'The exception queue and triage actions.' },
  { name: 'Reconciliation', description: 'Scheduled and on-demand reconciliation jobs whose findings are exceptions.' },
  { name: 'Access', description: 'The caller and their personal API tokens.' },
  { name: 'Connectors', description: 'Connected systems and their credentials (admin).' },
  { name: 'Stewardship', description: 'Which system owns which data.' },
  { name: 'Operations', description: 'Health, KPIs, metrics and this document.' },
];
