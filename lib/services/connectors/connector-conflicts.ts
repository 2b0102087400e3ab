// Turns the database's uniqueness answers about connectors into 409s a person can act
// on. Code, token hash and sources are unique in the database (sources through the
// trigger of migration connector_token_overlap, which reports "Connector_sources_key").
import { Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

/** The constraint a unique violation names, e.g. "Connector_code_key" (adapter-pg puts it in meta). */
function violatedConstraint(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return undefined;
  const meta = error.meta as { driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } }; target?: unknown } | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  return constraint?.index ?? constraint?.fields?.join(',') ?? (meta?.target === undefined ? '' : String(meta.target));
}

function uniqueTarget(error: unknown): 'code' | 'sources' | 'other' | undefined {
  const constraint = violatedConstraint(error);
  if (constraint === undefined) return undefined;
  if (constraint === 'Connector_sources_key' || constraint === 'sources') return 'sources';
  if (constraint === 'Connector_code_key' || constraint === 'code') return 'code';
  return 'other';
}

export function sourcesTaken(taken: { source: string; code: string }[]): AppError {
  const list = taken.map((t) => `${t.source} (connector ${t.code})`).join(', ');
  return new AppError('CONFLICT', `These sources already belong to another connector: ${list}. A source belongs to one connector.`, {
    details: { errors: taken.map((t) => ({ pointer: '/sources', message: `${t.source} belongs to connector ${t.code}.` })) },
  });
}

/** The 409 for a unique violation on Connector, or the error itself when it is not one. */
export function connectorConflict(error: unknown, code: string): unknown {
  switch (uniqueTarget(error)) {
    case 'code':
      return new AppError('CONFLICT', `A connector with code ${code} already exists.`, { details: { errors: [{ pointer: '/code', message: 'Already taken.' }] } });
    case 'sources':
      return new AppError('CONFLICT', 'One of the sources was just registered by another connector; a source belongs to one connector.', {
        details: { errors: [{ pointer: '/sources', message: 'Already registered by another connector.' }] },
      });
    default:
      return error;
  }
}
