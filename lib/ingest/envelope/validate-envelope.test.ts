import { describe, expect, it } from 'vitest';
import { parseIngestRequest } from './parse-ingest-request.ts';
import { structuredRequest, validEvent } from './test-support.ts';

/** The one result of a structured-mode request. */
function judge(event: unknown) {
  const { events } = parseIngestRequest(structuredRequest(event));
  expect(events).toHaveLength(1);
  return events[0]!;
}

function without(name: string): Record<string, unknown> {
  const event = validEvent();
  delete event[name];
  return event;
}

describe('required attributes', () => {
  it.each(['specversion', 'id', 'source', 'type', 'subject', 'time'])('missing %s → MALFORMED at /%s', (name) => {
    expect(judge(without(name))).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer: `/${name}` } });
  });

  it('missing data → SCHEMA_INVALID at /data', () => {
    expect(judge(without('data'))).toMatchObject({ ok: false, id: 'evt-0001', error: { code: 'SCHEMA_INVALID', pointer: '/data' } });
  });

  it.each<[string, unknown, RegExp]>([
    ['specversion', '0.3', /Only CloudEvents specversion "1.0"/],
    ['specversion', 1, /Only CloudEvents specversion "1.0"/],
    ['id', '', /Must not be empty/],
    ['id', 123, /Expected a string/],
    ['id', 'x'.repeat(257), /At most 256/],
    ['source', 'has space', /URI-reference/],
    ['subject', '   ', /Must not be empty/],
    ['type', null, /Required/],
  ])('%s = %j → MALFORMED', (name, value, message) => {
    const result = judge(validEvent({ [name]: value }));
    expect(result).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer: `/${name}` } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('reports the first problem in a fixed order: specversion, id, source, type, subject, time', () => {
    expect(judge({ time: 'yesterday', subject: '', data: {} })).toMatchObject({ error: { pointer: '/specversion' } });
    expect(judge({ specversion: '1.0', time: 'yesterday', subject: '' })).toMatchObject({ error: { pointer: '/id' } });
    expect(judge(validEvent({ subject: '', time: 'yesterday' }))).toMatchObject({ error: { pointer: '/subject' } });
  });
});

describe('time', () => {
  it.each(['2026-04-03T16:00:00Z', '2026-04-03T16:00:00.123456789+05:30', '2026-04-03t16:00:00z', '2024-02-29T00:00:00-00:00'])('accepts %s', (time) => {
    expect(judge(validEvent({ time }))).toMatchObject({ ok: true, event: { time } });
  });

  it.each(['2026-04-03', '2026-04-03T16:00:00', '2026-04-03 16:00:00Z', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-04-03T24:00:00Z', '2026-04-03T23:59:60Z', '2026-04-03T16:00:00+24:00', 'yesterday', 1775232000])(
    'refuses %j',
    (time) => {
      expect(judge(validEvent({ time }))).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer: '/time' } });
    },
  );
});

describe('sequence', () => {
  it.each<[unknown, string]>([
    [3, '3'],
    ['3', '3'],
    ['003', '3'],
    ['9223372036854775807', '9223372036854775807'],
  ])('%j is kept as %s', (sequence, expected) => {
    expect(judge(validEvent({ sequence }))).toMatchObject({ ok: true, event: { sequence: expected } });
  });

  it.each([0, -1, '1.5', 1.5, 'abc', 2 ** 63, '9223372036854775808', true, {}])('%j → MALFORMED at /sequence', (sequence) => {
    expect(judge(validEvent({ sequence }))).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer: '/sequence' } });
  });

  it('is optional (null means absent)', () => {
    expect(judge(validEvent({ sequence: null }))).toMatchObject({ ok: true });
    const result = judge(without('sequence'));
    expect(result.ok && result.event.sequence).toBeUndefined();
  });
});

describe('other attributes', () => {
  it('keeps extensions and known optional attributes', () => {
    const result = judge(validEvent({ traceparent: '00-abc-01', priority: 2, replay: false, dataschema: 'https://threadline.dev/schemas/x', datacontenttype: 'application/json', nothing: null }));
    expect(result).toMatchObject({
      ok: true,
      event: { correlationid: 'corr-42', dataschema: 'https://threadline.dev/schemas/x', datacontenttype: 'application/json', extensions: { traceparent: '00-abc-01', priority: 2, replay: false } },
    });
    expect(result.ok && Object.keys(result.event.extensions)).toEqual(['traceparent', 'priority', 'replay']);
  });

  it.each<[string, unknown]>([
    ['trace_id', 'x'],
    ['traceId', 'x'],
    ['trace-id', 'x'],
    ['', 'x'],
  ])('attribute name %j → MALFORMED', (name, value) => {
    expect(judge(validEvent({ [name]: value }))).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer: `/${name}`, message: expect.stringMatching(/attribute name/) } });
  });

  it('accepts long attribute names (20 characters is only a recommendation)', () => {
    expect(judge(validEvent({ averyveryverylongextensionname: 'x' }))).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, string]>([
    ['tags', ['a'], '/tags'],
    ['meta', { a: 1 }, '/meta'],
    ['correlationid', 42, '/correlationid'],
    ['correlationid', '', '/correlationid'],
    ['datacontenttype', 'application/xml', '/datacontenttype'],
    ['data_base64', 'AAAA', '/data_base64'],
  ])('%s = %j → MALFORMED at %s', (name, value, pointer) => {
    expect(judge(validEvent({ [name]: value }))).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer } });
  });

  it('an event that is not an object is MALFORMED at ""', () => {
    expect(judge('"just a string"')).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer: '' } });
    expect(judge([validEvent()])).toMatchObject({ ok: false, error: { code: 'MALFORMED', pointer: '', message: expect.stringMatching(/batch/) } });
  });
});

describe('type and data', () => {
  it('an unknown type is SCHEMA_INVALID at /type, naming the catalog', () => {
    const result = judge(validEvent({ type: 'q2c.timesheet.approved.v2' }));
    expect(result).toMatchObject({ ok: false, id: 'evt-0001', error: { code: 'SCHEMA_INVALID', pointer: '/type' } });
    if (!result.ok) expect(result.error.message).toMatch(/not in the event catalog.*q2c\.quote\.accepted\.v1/);
  });

  it('data problems point under /data', () => {
    const event = validEvent();
    (event.data as { entries: { hours: unknown }[] }).entries[1]!.hours = 25;
    expect(judge(event)).toMatchObject({ ok: false, error: { code: 'SCHEMA_INVALID', pointer: '/data/entries/1/hours', message: 'Must be at most 24.' } });
  });

  it('data must be an object', () => {
    expect(judge(validEvent({ data: 'TS-1' }))).toMatchObject({ ok: false, error: { code: 'SCHEMA_INVALID', pointer: '/data' } });
  });

  it('a valid event carries the validated, normalised data', () => {
    const result = judge(validEvent());
    expect(result.ok).toBe(true);
    if (result.ok && result.event.type === 'q2c.timesheet.approved.v1') {
      expect(result.event.data.entries.map((entry) => entry.hours)).toEqual(['7.5', '8']);
    }
  });
});
