// The correlation id of a request: the caller's x-correlation-id when it is a sane
// token (so a connected system can follow its call through our logs), else a new one.
// Anything else is replaced rather than echoed into logs and headers.
import { newCorrelationId } from '../log.ts';

const sane = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isSaneCorrelationId(value: string | null | undefined): value is string {
  return typeof value === 'string' && sane.test(value);
}

export function correlationIdFrom(headers: Pick<Headers, 'get'>): string {
  const incoming = headers.get('x-correlation-id')?.trim();
  return isSaneCorrelationId(incoming) ? incoming : newCorrelationId();
}
