// The common edge of the native connector webhooks (/api/v1/webhooks/<vendor>): the
// connector's bearer token (of an allowed kind), the bounded raw body (the vendor's
// signature is checked on these bytes by the vendor's handler), JSON, and errors as
// problem+json — never a raw 500 for a payload we do not understand.
import { AppError } from '../../errors.ts';
import type { SystemKind } from '../../db/generated/enums.ts';
import { readRawBody } from '../../http/read-raw-body.ts';
import { authenticateConnector } from '../../ingest/auth/authenticate-connector.ts';
import type { ConnectorPrincipal } from '../../ingest/auth/connector-principal.ts';
import { MAX_EVENT_BYTES } from '../../ingest/envelope/ingest-limits.ts';
import { answerConnectorRequest } from '../../ingest/native/answer-connector-request.ts';
import type { RefusedNativeEvent } from '../../ingest/native/write-native-events.ts';

export interface NativeWebhookContext {
  connector: ConnectorPrincipal;
  /** The source the connector's events are written under (its first registered source). */
  source: string;
  headers: Headers;
  rawBody: Buffer;
  body: unknown;
  now: Date;
  correlationId: string;
}

export async function handleNativeWebhook(
  request: Request,
  options: { instance: string; kinds: readonly SystemKind[]; handle: (context: NativeWebhookContext) => Promise<{ status: number; body: unknown }> },
): Promise<Response> {
  return answerConnectorRequest(request, options.instance, async ({ correlationId, identify }) => {
    const now = new Date();
    const connector = await authenticateConnector(request.headers.get('authorization'), now);
    identify(connector.code);
    if (!options.kinds.includes(connector.kind)) {
      throw new AppError('FORBIDDEN', `${options.instance} takes events from ${options.kinds.join(' or ')} connectors; ${connector.code} is ${connector.kind}.`);
    }
    const source = connector.sources[0];
    if (!source) throw new AppError('FORBIDDEN', `Connector ${connector.code} has no registered source to write its events under.`);
    const rawBody = await readRawBody(request, MAX_EVENT_BYTES);
    const body = parseJson(rawBody);
    return options.handle({ connector, source, headers: request.headers, rawBody, body, now, correlationId });
  });
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not JSON.', { details: { pointer: '' } });
  }
}

/** A refused mapped event as the webhook's answer: the vendor's payload is valid JSON we could not turn into a canonical event. */
export function refusedEventError(result: RefusedNativeEvent): AppError {
  const error = result.error;
  if (error.code === 'PAYLOAD_CONFLICT') return new AppError('CONFLICT', error.message, { details: { eventId: result.id, reason: error.code } });
  return new AppError('UNPROCESSABLE', `The mapped ${result.type ?? 'event'} is not valid: ${error.message}`, {
    details: { eventId: result.id, reason: error.code, ...(error.pointer !== undefined ? { canonicalPointer: error.pointer } : {}) },
  });
}
