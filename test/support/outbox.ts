// Test helpers for outbox delivery over real HTTP: Threadline's ingest endpoint on a real
// port (the simulators send their events there), a connector pointed at a simulator,
// delivery rounds run until a condition holds, and the inbox drained through the real
// workflows.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { signPayload } from '../../lib/ingest/auth/signature.ts';
import { handleIngestRequest } from '../../lib/ingest/handle-ingest-request.ts';
import { deliverDueCommands, type DeliverySettings } from '../../lib/outbox/deliver/deliver-due-commands.ts';
import { createConnector, type CreatedConnector } from '../../lib/services/connectors/create-connector.ts';
import { setConnectorEndpoint } from '../../lib/services/connectors/set-connector-endpoint.ts';
import { setConnectorOutboundPolicy, type OutboundPolicy } from '../../lib/services/connectors/set-outbound-policy.ts';
import { setConnectorOutboundToken } from '../../lib/services/connectors/set-outbound-token.ts';
import type { SystemKind } from '../../lib/db/generated/enums.ts';
import { processInboxBatch } from '../../lib/workflows/process-inbox-batch.ts';
import { buildWorkflowResolver } from '../../lib/workflows/registry.ts';

const actor = { type: 'SYSTEM', id: 'test' } as const;

/** POST /api/v1/events on 127.0.0.1, handled by the real ingest code (or another real route handler at `path`). */
export async function startIngestServer(handler: (request: Request) => Promise<Response> = handleIngestRequest, path = '/api/v1/events'): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://threadline.test${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      handler(request)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const simulatorToken = () => `sim-token-${randomUUID()}`;

/** Sends q2c.quote.accepted.v1 (version 1 of the quote) as the CRM connector, signed, to the ingest endpoint; returns the HTTP status. */
export async function sendQuoteAccepted(ingestUrl: string, crm: { token: string; signingSecret: string | null }, data: { quoteId: string }): Promise<number> {
  const body = JSON.stringify({ specversion: '1.0', id: randomUUID(), source: '/test/crm', type: 'q2c.quote.accepted.v1', subject: data.quoteId, time: '2026-04-01T09:00:00Z', sequence: 1, data });
  const sent = await fetch(ingestUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/cloudevents+json', Authorization: `Bearer ${crm.token}`, 'Threadline-Signature': signPayload(crm.signingSecret!, body) },
    body,
  });
  return sent.status;
}

/** A connector Threadline delivers to at `endpoint` with `token`, and that may send events. */
export async function targetConnector(options: { code: string; kind: SystemKind; endpoint: string; token: string; policy?: OutboundPolicy }): Promise<CreatedConnector> {
  const created = await createConnector({ code: options.code, name: `Test ${options.code}`, kind: options.kind, sources: [`/test/${options.code}`], withSigningSecret: true, actor });
  await setConnectorEndpoint({ code: options.code, endpoint: options.endpoint, actor });
  await setConnectorOutboundToken({ code: options.code, token: options.token, actor });
  await setConnectorOutboundPolicy({ code: options.code, policy: { allowPrivate: true, ...options.policy }, actor });
  return created;
}

export const fastDelivery: DeliverySettings = { maxInFlight: 16, backoffBaseMs: 10, backoffCapMs: 100 };

/** Delivery rounds (this process acting as a worker) until `done` says so, or fails after `timeoutMs`. */
export async function deliverUntil(done: () => Promise<boolean>, options: { settings?: DeliverySettings; timeoutMs?: number } = {}): Promise<number> {
  const settings = options.settings ?? fastDelivery;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let rounds = 0;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`delivery did not reach the expected state within ${options.timeoutMs ?? 15_000} ms (${rounds} rounds)`);
    const round = await deliverDueCommands(settings, 0);
    await round.done;
    rounds += 1;
    if (round.started === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return rounds;
}

/** Applies everything in the inbox with the real workflows. */
export async function processInbox(): Promise<void> {
  const resolve = buildWorkflowResolver();
  for (let i = 0; i < 20; i++) {
    const summary = await processInboxBatch({ batchSize: 100, gapTimeoutMs: 60_000, maxAttempts: 3, resolve });
    if (summary.claimed === 0) return;
  }
}
