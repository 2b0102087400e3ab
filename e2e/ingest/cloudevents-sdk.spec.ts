// The ingest contract (DESIGN.md §5) driven by the official CloudEvents SDK over real
// HTTP: structured and binary mode, signed as the HCM connector, a duplicate that
// changes nothing, and the worker really processing what was accepted.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { CloudEvent, HTTP } from 'cloudevents';
import { demoConnector, signedHeaders, waitUntilProcessed } from './connectors';

function employeeUpdated(employeeId: string, sequence: string) {
  return new CloudEvent({
    type: 'q2c.employee.updated.v1',
    source: '/demo/hcm',
    subject: employeeId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: { employeeId, name: 'Ada Lovelace', costRate: '95.00', currency: 'USD', costCenter: 'US01-ADV' },
    sequence,
  });
}

test('structured and binary events from the SDK are accepted once and processed by the worker', async ({ request }) => {
  const hcm = demoConnector('hcm');
  const employeeId = `E-${randomUUID().slice(0, 8)}`;

  const first = employeeUpdated(employeeId, '1');
  const structured = HTTP.structured(first);
  const body = Buffer.from(structured.body as string);
  const accepted = await request.post('/api/v1/events', { headers: signedHeaders(hcm, body, structured.headers), data: body });
  expect(accepted.status()).toBe(202);
  expect(await accepted.json()).toEqual({ accepted: 1, duplicates: 0, rejected: 0, results: [{ id: first.id, status: 'accepted' }] });

  // The same bytes again, signed anew: a duplicate, answered 202, nothing stored twice.
  const again = await request.post('/api/v1/events', { headers: signedHeaders(hcm, body, structured.headers), data: body });
  expect(again.status()).toBe(202);
  expect(await again.json()).toEqual({ accepted: 0, duplicates: 1, rejected: 0, results: [{ id: first.id, status: 'duplicate' }] });

  const second = employeeUpdated(employeeId, '2');
  const binary = HTTP.binary(second);
  expect(binary.headers['ce-sequence']).toBe('2');
  const binaryBody = Buffer.from(binary.body as string);
  const binaryAccepted = await request.post('/api/v1/events', { headers: signedHeaders(hcm, binaryBody, binary.headers), data: binaryBody });
  expect(binaryAccepted.status()).toBe(202);
  expect(await binaryAccepted.json()).toMatchObject({ accepted: 1, results: [{ id: second.id, status: 'accepted' }] });

  // The worker applies both in order; the inbox API shows their life.
  const events = await waitUntilProcessed(request, employeeId, 2);
  expect(events.map((e) => [e.eventId, e.sequence, e.connector])).toEqual([
    [second.id, '2', 'hcm'],
    [first.id, '1', 'hcm'],
  ]);
  for (const event of events) {
    expect(event.attempts).toBe(1);
    expect(event.latencyMs).toBeGreaterThanOrEqual(0);
    expect(event.exceptionIds).toEqual([]);
  }
});
