// Builders for the envelope tests: valid CloudEvents of any catalog type and the three
// kinds of request that carry them.
import type { EventType } from '../schemas/catalog.ts';
import { exampleEventData } from '../schemas/examples.ts';
import type { IngestRequest } from './parse-ingest-request.ts';

/** The tests' requests carry a real Headers, which they may change. */
export type TestIngestRequest = IngestRequest & { headers: Headers };

export const STRUCTURED = 'application/cloudevents+json';
export const BATCH = 'application/cloudevents-batch+json';

export function validEvent(overrides: Record<string, unknown> = {}, type: EventType = 'q2c.timesheet.approved.v1'): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: 'evt-0001',
    source: 'psa',
    type,
    subject: 'TS-2026-W14-E100',
    time: '2026-04-03T16:00:00Z',
    sequence: 1,
    correlationid: 'corr-42',
    data: structuredClone(exampleEventData[type]),
    ...overrides,
  };
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function structuredRequest(body: unknown, contentType = STRUCTURED): TestIngestRequest {
  return { contentType, headers: new Headers({ 'content-type': contentType }), rawBody: bytes(typeof body === 'string' ? body : JSON.stringify(body)) };
}

export function batchRequest(events: unknown[] | string): TestIngestRequest {
  return structuredRequest(events, BATCH);
}

/** CloudEvents HTTP binding §3.1.3.2: space, '"', '%' and anything outside printable ASCII is percent-encoded (UTF-8). */
export function percentEncodeHeaderValue(value: string): string {
  return value.replace(/[^\x21\x23\x24\x26-\x7e]/gu, (character) => encodeURIComponent(character).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** Binary mode: every attribute except data as a percent-encoded ce-* header; the data as the JSON body. */
export function binaryRequest(event: Record<string, unknown>, options: { contentType?: string; extraHeaders?: Record<string, string> } = {}): TestIngestRequest {
  const contentType = options.contentType ?? 'application/json';
  const headers = new Headers({ 'content-type': contentType, ...options.extraHeaders });
  for (const [name, value] of Object.entries(event)) {
    if (name !== 'data') headers.set(`ce-${name}`, percentEncodeHeaderValue(String(value)));
  }
  return { contentType, headers, rawBody: event.data === undefined ? new Uint8Array() : bytes(JSON.stringify(event.data)) };
}
