// Real native payloads (Salesforce CDC, Stripe, Jira) sent to the CloudEvents endpoint by
// mistake: every way of sending them must end in a clear 4xx with a pointer — a per-event
// error or a request-level AppError — and never an unhandled throw.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { eventTypes, type EventType } from '../schemas/catalog.ts';
import { parseIngestRequest } from './parse-ingest-request.ts';
import { batchRequest, binaryRequest, structuredRequest, validEvent } from './test-support.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/external');

const fixtures: { file: string; nativeId?: string; closestType: EventType; firstDataPointer: string }[] = [
  { file: 'pozil-pubsub__salesforce_cdc_AccountChangeEvent_update.json', nativeId: '9b77cea1-a923-4766-ad50-a1797d9b39fd', closestType: 'q2c.client.updated.v1', firstDataPointer: '/externalId' },
  { file: 'pay-rails__stripe_charge.refunded.data.json', closestType: 'q2c.payment.received.v1', firstDataPointer: '/paymentId' },
  { file: 'stripe-mock__event.plan.created.json', nativeId: 'evt_1Pgc76B7WZ01zgkWwyRHS12y', closestType: 'q2c.payment.received.v1', firstDataPointer: '/paymentId' },
  { file: 'jenkinsci-jira-trigger__issue_updated_status_updated.json', closestType: 'q2c.timesheet.approved.v1', firstDataPointer: '/timesheetId' },
];

const load = (file: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));

describe.each(fixtures)('$file', ({ file, nativeId, closestType, firstDataPointer }) => {
  const payload = load(file);

  it('as a structured-mode body: MALFORMED at /specversion, saying where native payloads go', () => {
    const { events } = parseIngestRequest(structuredRequest(payload));
    expect(events).toEqual([
      {
        ok: false,
        ...(nativeId ? { id: nativeId } : {}),
        rawEvent: payload,
        error: { code: 'MALFORMED', pointer: '/specversion', message: expect.stringMatching(/not a CloudEvent.*webhooks/) },
      },
    ]);
  });

  it('inside a batch: that event is MALFORMED at /<index>/specversion, the others still judged', () => {
    const { events } = parseIngestRequest(batchRequest([validEvent({ id: 'ok-1' }), payload]));
    expect(events.map((e) => (e.ok ? 'ok' : `${e.error.code} ${e.error.pointer}`))).toEqual(['ok', 'MALFORMED /1/specversion']);
  });

  it('as a batch body on its own (not an array): 400 at ""', () => {
    expect(() => parseIngestRequest(batchRequest(JSON.stringify(payload)))).toThrowError(
      expect.objectContaining({ code: 'BAD_REQUEST', status: 400, details: { pointer: '' } }) as AppError,
    );
  });

  it(`as the data of a valid ${closestType} event: SCHEMA_INVALID at /data${firstDataPointer}`, () => {
    const { events } = parseIngestRequest(structuredRequest(validEvent({ data: payload }, closestType)));
    expect(events[0]).toMatchObject({ ok: false, id: 'evt-0001', error: { code: 'SCHEMA_INVALID', pointer: `/data${firstDataPointer}` } });
  });

  it.each(eventTypes)('as the data of a %s event: SCHEMA_INVALID under /data', (type) => {
    const { events } = parseIngestRequest(structuredRequest(validEvent({ data: payload }, type)));
    expect(events[0]).toMatchObject({ ok: false, error: { code: 'SCHEMA_INVALID', pointer: expect.stringMatching(/^\/data\/\w+/) } });
  });

  it(`as the body of a binary-mode ${closestType} event: SCHEMA_INVALID at ${firstDataPointer}`, () => {
    const { events } = parseIngestRequest(binaryRequest(validEvent({ data: payload }, closestType)));
    expect(events[0]).toMatchObject({ ok: false, error: { code: 'SCHEMA_INVALID', pointer: firstDataPointer } });
  });

  it('as plain application/json without ce-* headers (a webhook pointed at the wrong URL): 415', () => {
    expect(() => parseIngestRequest(structuredRequest(payload, 'application/json'))).toThrowError(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 }) as AppError,
    );
  });
});
