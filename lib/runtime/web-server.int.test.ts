// The web process as `npm start` runs it (scripts/web.ts, production build), over real
// HTTP: POST /api/v1/events on its own listener, everything else through Next.js, one set
// of ingest counters for both, and a graceful stop that lets a request in flight finish.
// Builds .next first when it is missing or stale (a few minutes).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudEvent, ingestRequest, testConnector } from '../../test/support/ingest.ts';
import { db } from '../db/client.ts';
import type { CreatedConnector } from '../services/connectors/create-connector.ts';
import { createApiToken } from '../services/create-api-token.ts';
import { ensureProductionBuild } from '../../test/support/production-build.ts';
import { findFreePort } from './ports.ts';

const root = process.cwd();
let port: number;
let web: ChildProcess;
let output = '';
let exited: Promise<number | null>;
let hcm: CreatedConnector;

async function waitForLive(deadline: number): Promise<void> {
  for (;;) {
    const live = await fetch(`http://127.0.0.1:${port}/api/v1/health?probe=live`).catch(() => undefined);
    if (live?.ok) return;
    if (web.exitCode !== null || Date.now() > deadline) throw new Error(`The web process did not start:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  await ensureProductionBuild(root);
  hcm = await testConnector({ code: 'hcm-web', kind: 'HCM', sources: ['/test/hcm'] });
  port = await findFreePort(3470);
  web = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: 'web-server-test-secret-that-is-at-least-32-chars',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  web.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  web.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => web.once('exit', (code) => resolve(code)));
  await waitForLive(Date.now() + 60_000);
}, 600_000);

afterAll(async () => {
  if (web && web.exitCode === null) {
    web.kill('SIGKILL');
    await exited;
  }
});

/** The signed request a connected system sends, as fetch arguments. */
function signed(body: string, options: Parameters<typeof ingestRequest>[2] = {}): { method: string; headers: Record<string, string>; body: string } {
  const request = ingestRequest(hcm, body, options);
  return { method: 'POST', headers: Object.fromEntries(request.headers), body };
}

const url = (path: string) => `http://127.0.0.1:${port}${path}`;

describe('the web process (scripts/web.ts) over HTTP', () => {
  it('accepts a signed event on its own listener and stores it', async () => {
    const event = cloudEvent();
    const response = await fetch(url('/api/v1/events'), signed(JSON.stringify(event), { headers: { 'x-correlation-id': 'web-test-1' } }));
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe('web-test-1');
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: 0, results: [{ id: event.id, status: 'accepted' }] });
    expect(await db().inboxEvent.count({ where: { source: '/test/hcm', eventId: event.id as string } })).toBe(1);
    const again = await fetch(url('/api/v1/events?ignored=1'), signed(JSON.stringify(event)));
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('answers bad input with problem+json, never a 500', async () => {
    const notJson = await fetch(url('/api/v1/events'), signed('{"id": '));
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toBe('application/problem+json');
    expect(await notJson.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST', instance: '/api/v1/events', pointer: '' });

    const unsigned = await fetch(url('/api/v1/events'), { method: 'POST', headers: { 'content-type': 'application/cloudevents+json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ code: 'UNAUTHENTICATED' });

    const wrongType = await fetch(url('/api/v1/events'), signed(JSON.stringify(cloudEvent()), { contentType: 'text/plain' }));
    expect(wrongType.status).toBe(415);
  });

  it('refuses a body over 10 MB with 413 problem+json without reading it', async () => {
    const answer = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const request = http.request(url('/api/v1/events'), {
        method: 'POST',
        headers: { ...signed('x').headers, 'content-type': 'application/cloudevents-batch+json', 'content-length': String(11 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], body }));
      });
      request.on('error', reject);
      request.write('[');
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('hands everything else to Next.js: the events GET, the sign-in page, the metrics route', async () => {
    const list = await fetch(url('/api/v1/events'));
    expect(list.status).toBe(401); // the App Router route (apiRoute, asking for a person), not the ingest listener
    expect(await list.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: expect.stringMatching(/^Sign in/) });

    const page = await fetch(url('/login'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<html');

    // Ingest counted by the listener shows in the metrics Next.js renders: one set of counters.
    const user = await db().user.create({ data: { email: `exec-${randomUUID()}@example.com`, name: 'Exec', role: 'EXECUTIVE' } });
    const { token } = await createApiToken({ userId: user.id, name: 'metrics', expiresAt: null });
    const metrics = await fetch(url('/api/v1/metrics'), { headers: { authorization: `Bearer ${token}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/connector="hcm-web"[^\n]*outcome="accepted"[^\n]* [1-9]/);
  });

  it('SIGTERM: stops accepting, finishes the request in flight, exits 0', async () => {
    const event = cloudEvent();
    const body = JSON.stringify(event);
    const init = signed(body);
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(url('/api/v1/events'), { method: 'POST', headers: { ...init.headers, 'content-length': String(Buffer.byteLength(body)) } });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
      // Half the body now, the rest after the signal.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        web.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(10)), 500);
      }, 300);
    });
    const answer = await inFlight;
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toMatchObject({ accepted: 1 });
    expect(await exited).toBe(0);
    await expect(fetch(url('/api/v1/health?probe=live'))).rejects.toThrow();
  }, 30_000);
});
