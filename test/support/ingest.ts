// Test helpers for the ingest API: a registered connector and signed requests to
// POST /api/v1/events built exactly as a connected system would send them.
import { randomUUID } from 'node:crypto';
import { createConnector, type CreatedConnector } from '../../lib/services/connectors/create-connector.ts';
import { signPayload } from '../../lib/ingest/auth/signature.ts';
import type { SystemKind } from '../../lib/db/generated/enums.ts';

export async function testConnector(options: { code: string; kind: SystemKind; sources: string[]; ingestRateLimitPerMinute?: number; withSigningSecret?: boolean }): Promise<CreatedConnector> {
  return createConnector({ name: `Test ${options.code}`, ...options, actor: { type: 'SYSTEM', id: 'test' } });
}

export function cloudEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/test/hcm',
    type: 'q2c.employee.updated.v1',
    subject: 'E-100',
    time: '2026-03-01T10:00:00Z',
    data: { employeeId: 'E-100', name: 'Ada Lovelace', costRate: '85.50', currency: 'USD', costCenter: 'US01-ADV' },
    ...overrides,
  };
}

export function ingestRequest(
  connector: Pick<CreatedConnector, 'token' | 'signingSecret'>,
  body: string | Buffer,
  options: { contentType?: string; t?: number; headers?: Record<string, string>; signature?: string | null } = {},
): Request {
  const headers = new Headers({ 'content-type': options.contentType ?? 'application/cloudevents+json', authorization: `Bearer ${connector.token}`, ...options.headers });
  const signature = options.signature === undefined ? (connector.signingSecret ? signPayload(connector.signingSecret, body, options.t) : null) : options.signature;
  if (signature) headers.set('threadline-signature', signature);
  return new Request('http://threadline.test/api/v1/events', { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
}
