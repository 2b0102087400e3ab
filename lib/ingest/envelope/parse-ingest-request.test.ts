import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { canonicalJson } from './canonical-payload-hash.ts';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from './ingest-limits.ts';
import { parseIngestRequest, type IngestRequest } from './parse-ingest-request.ts';
import { BATCH, batchRequest, binaryRequest, bytes, STRUCTURED, structuredRequest, validEvent } from './test-support.ts';

function refusal(request: IngestRequest): AppError {
  try {
    parseIngestRequest(request);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('the three modes', () => {
  it('structured: one event, payloadBytes = body bytes', () => {
    const request = structuredRequest(validEvent());
    const parsed = parseIngestRequest(request);
    expect(parsed.mode).toBe('structured');
    expect(parsed.events).toEqual([{ ok: true, event: expect.objectContaining({ id: 'evt-0001', sequence: '1' }), rawEvent: validEvent(), payloadBytes: request.rawBody.byteLength, canonicalJson: canonicalJson(validEvent()) }]);
  });

  it('batch: one result per event, in order, good and bad mixed', () => {
    const events = [
      validEvent({ id: 'a' }),
      validEvent({ id: 'b', sequence: 0 }),
      'not an event',
      validEvent({ id: 'd', type: 'q2c.unknown.v1' }),
      validEvent({ id: 'e', data: { ...validEvent().data as object, entries: [] } }),
      validEvent({ id: 'f', sequence: '2' }),
    ];
    const parsed = parseIngestRequest(batchRequest(events));
    expect(parsed.mode).toBe('batch');
    expect(parsed.events.map((e) => (e.ok ? ['ok', e.event.id] : [e.error.code, e.id, e.error.pointer]))).toEqual([
      ['ok', 'a'],
      ['MALFORMED', 'b', '/1/sequence'],
      ['MALFORMED', undefined, '/2'],
      ['SCHEMA_INVALID', 'd', '/3/type'],
      ['SCHEMA_INVALID', 'e', '/4/data/entries'],
      ['ok', 'f'],
    ]);
    const first = parsed.events[0]!;
    expect(first.ok && first.payloadBytes).toBe(Buffer.byteLength(JSON.stringify(events[0])));
  });

  it('batch: an empty array is an empty result', () => {
    expect(parseIngestRequest(batchRequest([]))).toEqual({ mode: 'batch', events: [] });
  });

  it('binary: attributes from ce-* headers, data from the body, rebuilt as a structured event', () => {
    const request = binaryRequest(validEvent({ subject: 'TS 2026/W14 – Zoë' }), { extraHeaders: { 'ce-traceparent': '00-abc-01' } });
    expect(request.headers.get('ce-subject')).toBe('TS%202026/W14%20%E2%80%93%20Zo%C3%AB');
    const parsed = parseIngestRequest(request);
    expect(parsed.mode).toBe('binary');
    const [result] = parsed.events;
    expect(result).toMatchObject({ ok: true, event: { subject: 'TS 2026/W14 – Zoë', sequence: '1', datacontenttype: 'application/json', extensions: { traceparent: '00-abc-01' } } });
    expect(result!.ok && result!.rawEvent).toEqual({ ...validEvent({ subject: 'TS 2026/W14 – Zoë', sequence: '1' }), traceparent: '00-abc-01', datacontenttype: 'application/json' });
    expect(result!.ok && result!.payloadBytes).toBeGreaterThan(request.rawBody.byteLength);
  });

  it('binary: "+" and "%2B" in a header value', () => {
    const request = binaryRequest(validEvent(), { extraHeaders: { 'ce-subject': 'a+b%2Bc%25d' } });
    request.headers.set('ce-subject', 'a+b%2Bc%25d');
    expect(parseIngestRequest(request).events[0]).toMatchObject({ ok: true, event: { subject: 'a+b+c%d' } });
  });

  it('binary: attribute problems point at the header, data problems into the body', () => {
    expect(parseIngestRequest(binaryRequest(validEvent({ sequence: 'abc' }))).events[0]).toMatchObject({ ok: false, id: 'evt-0001', error: { code: 'MALFORMED', pointer: '/ce-sequence' } });
    const missingSubject = validEvent();
    delete missingSubject.subject;
    expect(parseIngestRequest(binaryRequest(missingSubject)).events[0]).toMatchObject({ error: { pointer: '/ce-subject' } });
    expect(parseIngestRequest(binaryRequest(validEvent({ type: 'nope' }))).events[0]).toMatchObject({ error: { code: 'SCHEMA_INVALID', pointer: '/ce-type' } });
    const badData = validEvent();
    (badData.data as { entries: { role: string }[] }).entries[0]!.role = '';
    expect(parseIngestRequest(binaryRequest(badData)).events[0]).toMatchObject({ error: { code: 'SCHEMA_INVALID', pointer: '/entries/0/role' } });
    expect(parseIngestRequest(binaryRequest(validEvent({ data: undefined }))).events[0]).toMatchObject({ error: { code: 'SCHEMA_INVALID', pointer: '' } });
  });

  it.each<[Record<string, string>, string]>([
    [{ 'ce-subject': 'bad%zzescape' }, '/ce-subject'],
    [{ 'ce-trace_id': 'x' }, '/ce-trace_id'],
    [{ 'ce-data': 'x' }, '/ce-data'],
    [{ 'ce-subject': 'a%00b' }, '/ce-subject'],
  ])('binary: header %j → MALFORMED at %s', (extraHeaders, pointer) => {
    const request = binaryRequest(validEvent(), { extraHeaders });
    for (const [name, value] of Object.entries(extraHeaders)) request.headers.set(name, value);
    expect(parseIngestRequest(request).events[0]).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer } });
  });
});

describe('request-level refusals', () => {
  it.each<[string, IngestRequest, string, number, string]>([
    ['body not JSON', structuredRequest('{"specversion": "1.0",'), 'BAD_REQUEST', 400, ''],
    ['empty body', structuredRequest(''), 'BAD_REQUEST', 400, ''],
    ['invalid UTF-8', { ...structuredRequest(''), rawBody: new Uint8Array([0x7b, 0xff, 0x7d]) }, 'BAD_REQUEST', 400, ''],
    ['batch not an array', batchRequest(JSON.stringify(validEvent())), 'BAD_REQUEST', 400, ''],
    ['binary body not JSON', { ...binaryRequest(validEvent()), rawBody: bytes('<xml/>') }, 'BAD_REQUEST', 400, ''],
    ['wrong content type', structuredRequest(validEvent(), 'text/plain'), 'UNSUPPORTED_MEDIA_TYPE', 415, ''],
    ['plain JSON without ce-* headers', structuredRequest(validEvent(), 'application/json'), 'UNSUPPORTED_MEDIA_TYPE', 415, ''],
  ])('%s → %s', (_name, request, code, status, pointer) => {
    expect(refusal(request)).toMatchObject({ code, status, details: { pointer } });
  });

  it(`a batch of more than ${MAX_BATCH_EVENTS} events → 413 pointing at the first one too many`, () => {
    const events = Array.from({ length: MAX_BATCH_EVENTS + 1 }, (_, i) => validEvent({ id: `e${i}` }));
    expect(refusal(batchRequest(events))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, details: { pointer: `/${MAX_BATCH_EVENTS}` } });
    expect(parseIngestRequest(batchRequest(events.slice(0, MAX_BATCH_EVENTS))).events).toHaveLength(MAX_BATCH_EVENTS);
  });
});

describe('size limits', () => {
  const bigEvent = () => validEvent({ data: { ...(validEvent().data as object), padding: 'x'.repeat(MAX_EVENT_BYTES) } });

  it('structured: an event over 1 MiB → 413', () => {
    expect(refusal(structuredRequest(bigEvent()))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, details: { pointer: '' } });
  });

  it('binary: an event over 1 MiB → 413', () => {
    expect(refusal(binaryRequest(bigEvent()))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('batch: only the event over 1 MiB is rejected', () => {
    const parsed = parseIngestRequest(batchRequest([validEvent({ id: 'small' }), { ...bigEvent(), id: 'big' }, validEvent({ id: 'after' })]));
    expect(parsed.events.map((e) => (e.ok ? 'ok' : [e.id, e.error.code, e.error.pointer]))).toEqual(['ok', ['big', 'PAYLOAD_TOO_LARGE', '/1'], 'ok']);
  });

  it('batch: a body over 10 MiB → 413 before parsing', () => {
    const request: IngestRequest = { contentType: BATCH, headers: new Headers({ 'content-type': BATCH }), rawBody: new Uint8Array(MAX_BATCH_BYTES + 1) };
    expect(refusal(request)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, details: { pointer: '' } });
  });
});

describe('JSON that parses but cannot be stored', () => {
  it.each<[string, string, string]>([
    ['U+0000 in a string', JSON.stringify(validEvent({ subject: 'a\u0000b' })), '/subject'],
    ['U+0000 in a data member name', JSON.stringify(validEvent({ data: { ...(validEvent().data as object), 'bad\u0000key': 1 } })), '/data/bad\u0000key'],
    ['a lone surrogate', JSON.stringify(validEvent()).replace('"psa"', '"ps\\ud800a"'), '/source'],
    ['a number that overflowed', JSON.stringify(validEvent()).replace('"sequence":1', '"sequence":1e400'), '/sequence'],
    ['nesting deeper than 64', JSON.stringify(validEvent({ deep: 'X' })).replace('"X"', '['.repeat(100) + ']'.repeat(100)), '/deep/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0'],
  ])('%s → MALFORMED with its pointer', (_name, body, pointer) => {
    expect(parseIngestRequest(structuredRequest(body)).events[0]).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer } });
  });

  it('an escaped backslash before "u0000" is just text', () => {
    expect(parseIngestRequest(structuredRequest(validEvent({ note: 'C:\\u0000' }))).events[0]).toMatchObject({ ok: true });
  });

  it('a million nested arrays in a batch is one MALFORMED event, not a crash', () => {
    const body = `[${JSON.stringify(validEvent())},${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}]`;
    const parsed = parseIngestRequest({ contentType: BATCH, headers: new Headers(), rawBody: bytes(body) });
    expect(parsed.events.map((e) => (e.ok ? 'ok' : e.error.code))).toEqual(['ok', 'MALFORMED']);
  });
});

describe('content types with parameters', () => {
  it('structured with charset=utf-8', () => {
    expect(parseIngestRequest(structuredRequest(validEvent(), `${STRUCTURED}; charset=utf-8`)).events[0]).toMatchObject({ ok: true });
  });
});
