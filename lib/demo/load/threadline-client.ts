// The demo loader's side of Threadline's public HTTP API: signed CloudEvent batches to
// POST /api/v1/events as each connector sends them (token + Threadline-Signature from
// lib/ingest/auth/signature.ts), and the operations API with a finance user's personal
// API token. Every refusal is an error naming the call, except events planted to be refused.
import { SIMULATED_TIME_HEADER } from '../../http/simulated-time.ts';
import { signPayload } from '../../ingest/auth/signature.ts';
import type { DemoEvent } from '../types.ts';

export interface ConnectorCredentials {
  token: string;
  signingSecret?: string;
  sources: string[];
}

export interface ThreadlineClient {
  /** Sends events in batches of up to 500; answers how many were refused (planted faults). */
  sendEvents(events: readonly DemoEvent[]): Promise<{ accepted: number; refused: number }>;
  get<T>(path: string): Promise<T>;
  /** `at`: the business time the call is made at (X-Simulated-Time; the billing and revenue runs take it). */
  post<T>(path: string, body: unknown, options?: { allow?: number[]; at?: string }): Promise<{ status: number; body: T }>;
  /** Inbox events waiting and outbox commands not delivered (GET /api/v1/metrics). */
  backlog(): Promise<{ inbox: number; outbox: number; dead: number }>;
}

const BATCH = 500;

export class DemoLoadError extends Error {}

export function threadlineClient(options: { baseUrl: string; connectors: Record<string, ConnectorCredentials>; apiToken: string }): ThreadlineClient {
  const { baseUrl, apiToken } = options;
  const call = async (method: string, path: string, body?: unknown, at?: string) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(at ? { [SIMULATED_TIME_HEADER]: at } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(600_000),
    });
    const text = await response.text();
    return { status: response.status, text };
  };
  const parse = (path: string, status: number, text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new DemoLoadError(`${path} answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  };

  return {
    async sendEvents(events) {
      let accepted = 0;
      let refused = 0;
      const byConnector = new Map<string, DemoEvent[]>();
      for (const event of events) byConnector.set(event.connector, [...(byConnector.get(event.connector) ?? []), event]);
      for (const [code, list] of byConnector) {
        const connector = options.connectors[code];
        if (!connector) throw new DemoLoadError(`No credentials for the ${code} connector in dev-credentials.json.`);
        for (let i = 0; i < list.length; i += BATCH) {
          const slice = list.slice(i, i + BATCH);
          const body = JSON.stringify(slice.map(toCloudEvent));
          const response = await fetch(`${baseUrl}/api/v1/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/cloudevents-batch+json', authorization: `Bearer ${connector.token}`, ...(connector.signingSecret ? { 'threadline-signature': signPayload(connector.signingSecret, body) } : {}) },
            body,
          });
          const text = await response.text();
          if (response.status !== 202) throw new DemoLoadError(`POST /api/v1/events as ${code} answered ${response.status}: ${text.slice(0, 300)}`);
          const answer = JSON.parse(text) as { results: { id: string; status: string; error?: unknown }[] };
          answer.results.forEach((result, n) => {
            const planted = slice[n]?.expectRefused === true;
            if (result.status === 'accepted' || result.status === 'duplicate') accepted += 1;
            else if (planted) refused += 1;
            else throw new DemoLoadError(`Event ${result.id} (${slice[n]?.type}) was ${result.status}: ${JSON.stringify(result.error)}`);
          });
        }
      }
      return { accepted, refused };
    },
    async get<T>(path: string) {
      const { status, text } = await call('GET', path);
      if (status !== 200) throw new DemoLoadError(`GET ${path} answered ${status}: ${text.slice(0, 300)}`);
      return parse(path, status, text) as T;
    },
    async post<T>(path: string, body: unknown, opts: { allow?: number[]; at?: string } = {}) {
      const { status, text } = await call('POST', path, body, opts.at);
      if (status >= 300 && !(opts.allow ?? []).includes(status)) throw new DemoLoadError(`POST ${path} answered ${status}: ${text.slice(0, 400)}`);
      return { status, body: parse(path, status, text) as T };
    },
    async backlog() {
      const { status, text } = await call('GET', '/api/v1/metrics');
      if (status !== 200) throw new DemoLoadError(`GET /api/v1/metrics answered ${status}`);
      const gauge = (name: string, state: string) => Number(new RegExp(`^${name}\\{status="${state}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      return {
        inbox: gauge('threadline_inbox_backlog', 'RECEIVED') + gauge('threadline_inbox_backlog', 'FAILED'),
        outbox: gauge('threadline_outbox_backlog', 'PENDING') + gauge('threadline_outbox_backlog', 'IN_FLIGHT'),
        dead: gauge('threadline_outbox_backlog', 'DEAD'),
      };
    },
  };
}

function toCloudEvent(event: DemoEvent): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: event.id,
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: event.time,
    ...(event.sequence !== undefined ? { sequence: event.sequence } : {}),
    datacontenttype: 'application/json',
    data: event.data,
  };
}
