// What a connected system has in hand to talk to the e2e server: its connector token and
// signing secret from .data/e2e/dev-credentials.json (DESIGN.md §5), and the signature
// computed here from the contract (not with Threadline's own code), so the tests check
// the contract from outside.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import { demoUser } from '../access/demo-users';

export interface DemoConnector {
  token: string;
  signingSecret?: string;
  sources: string[];
}

const dataDir = process.env.E2E_DATA_DIR ?? path.resolve(import.meta.dirname, '..', '..', '.data', 'e2e');

export function demoConnector(code: ConnectorCode): DemoConnector {
  const file = JSON.parse(readFileSync(path.join(dataDir, 'dev-credentials.json'), 'utf8')) as { connectors: Record<string, DemoConnector> };
  const connector = file.connectors[code];
  if (!connector?.signingSecret) throw new Error(`No ${code} connector with a signing secret in ${dataDir}/dev-credentials.json`);
  return connector;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Threadline-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">. */
export function signature(secret: string, body: string | Buffer, t = nowSeconds()): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;
}

/** The headers a connected system sends with one signed request. */
export function signedHeaders(connector: DemoConnector, body: string | Buffer, headers: Record<string, unknown> = {}, t?: number): Record<string, string> {
  const plain = Object.fromEntries(Object.entries(headers).flatMap(([key, value]) => (value === undefined ? [] : [[key.toLowerCase(), String(value)]])));
  return { ...plain, authorization: `Bearer ${connector.token}`, 'threadline-signature': signature(connector.signingSecret!, body, t) };
}

export type ConnectorCode = 'crm' | 'psa' | 'erp' | 'hcm' | 'tax' | 'payments' | 'bank';

/** One structured CloudEvent sent by a connected system from its first source, signed; expects 202 Accepted. */
export async function sendEvent(
  request: APIRequestContext,
  system: ConnectorCode,
  event: { type: string; subject: string; data: Record<string, unknown>; sequence?: number; correlationid?: string },
): Promise<void> {
  const connector = demoConnector(system);
  const body = JSON.stringify({ specversion: '1.0', id: randomUUID(), source: connector.sources[0], time: new Date().toISOString(), ...event });
  const posted = await request.post('/api/v1/events', { headers: signedHeaders(connector, body, { 'content-type': 'application/cloudevents+json' }), data: body });
  expect(posted.status(), await posted.text()).toBe(202);
}

export interface ListedEvent {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
  processedAt: string | null;
  latencyMs: number | null;
  connector: string | null;
  sequence: string | null;
  exceptionIds: string[];
}

/** The inbox events about a subject, read as integration ops would with their API token. */
export async function eventsAbout(request: APIRequestContext, subject: string): Promise<ListedEvent[]> {
  const response = await request.get(`/api/v1/events?subject=${encodeURIComponent(subject)}`, { headers: { authorization: `Bearer ${demoUser('INTEGRATION_OPS').apiToken}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ListedEvent[] }).items;
}

/** Waits until the worker has processed every event about the subject (and there are `count`). */
export async function waitUntilProcessed(request: APIRequestContext, subject: string, count: number): Promise<ListedEvent[]> {
  await expect
    .poll(async () => (await eventsAbout(request, subject)).map((e) => e.status), { timeout: 30_000, intervals: [250, 500, 1000] })
    .toEqual(Array.from({ length: count }, () => 'PROCESSED'));
  return eventsAbout(request, subject);
}
