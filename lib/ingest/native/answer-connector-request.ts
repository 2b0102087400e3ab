// The frame of a native connector's request: a correlation id in the log context and the
// answer, and every failure answered as problem+json and counted as a refused request.
import { AppError, problemResponse } from '../../errors.ts';
import { correlationIdFrom } from '../../http/correlation-id.ts';
import { log, withLogContext } from '../../log.ts';
import { countRefusedRequest } from '../ingest-metrics.ts';

export interface ConnectorRequestScope {
  correlationId: string;
  /** Names the connector in the refusal metrics once it is known. */
  identify(connectorCode: string): void;
}

export async function answerConnectorRequest(request: Request, instance: string, handle: (scope: ConnectorRequestScope) => Promise<{ status: number; body: unknown }>): Promise<Response> {
  const correlationId = correlationIdFrom(request.headers);
  return withLogContext({ correlationId }, async () => {
    let connectorCode = 'unauthenticated';
    try {
      const { status, body } = await handle({ correlationId, identify: (code) => (connectorCode = code) });
      return Response.json(body, { status, headers: { 'x-correlation-id': correlationId } });
    } catch (error) {
      const status = error instanceof AppError ? error.status : 500;
      countRefusedRequest(connectorCode, status);
      if (status >= 500) log.error(`${instance} failed`, { err: error });
      return problemResponse(error, { instance, correlationId });
    }
  });
}
