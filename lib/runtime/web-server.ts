// The web process's HTTP server. POST /api/v1/events — the ingest hot path — is answered
// here on plain node:http by the same function the App Router route calls
// (answerIngestRequest); every other request goes to Next.js's request handler. Next's
// routing, request and response objects cost ≈ 1.6 ms of CPU per request, more than the
// whole ingest work, so on a small machine they set the single-event rate
// (docs/PERFORMANCE.md).
//
// close() stops accepting connections, lets the requests in flight finish (answers given
// meanwhile close their connection), and closes what is left after the grace period.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { problemAnswer } from '../errors.ts';
import { nodeRequestHeaders, readNodeBody, writePlainAnswer } from '../http/node-request.ts';
import { answerIngestRequest } from '../ingest/handle-ingest-request.ts';
import { log } from '../log.ts';

export type NodeRequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface WebServer {
  server: Server;
  port: number;
  /** Graceful stop: no new connections, in-flight requests finish (at most graceMs). */
  close(graceMs?: number): Promise<void>;
}

const INGEST_PATH = '/api/v1/events';

/** True for the requests this server answers itself (the query string is ignored, as Next does). */
export function isIngestRequest(request: IncomingMessage): boolean {
  if (request.method !== 'POST' || !request.url) return false;
  const end = request.url.indexOf('?');
  return (end === -1 ? request.url : request.url.slice(0, end)) === INGEST_PATH;
}

async function serveIngest(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const answer = await answerIngestRequest({ headers: nodeRequestHeaders(request), readBody: (maxBytes) => readNodeBody(request, maxBytes) });
  writePlainAnswer(request, response, answer);
}

export async function startWebServer(options: { port: number; hostname?: string; handleOther: NodeRequestHandler }): Promise<WebServer> {
  const { handleOther } = options;
  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const server = createServer((request, response) => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      if (closing) {
        // The connection of an answered request is idle now: let it go.
        server.closeIdleConnections();
        if (inFlight === 0) drained?.();
      }
    });
    if (closing) response.setHeader('connection', 'close');
    const handle = isIngestRequest(request) ? serveIngest : handleOther;
    handle(request, response).catch((error: unknown) => {
      // answerIngestRequest answers every error itself and Next.js its own; this is the last net.
      log.error('request failed', { err: error, method: request.method, url: request.url });
      if (response.headersSent) {
        response.destroy();
        return;
      }
      writePlainAnswer(request, response, problemAnswer(error, { instance: request.url }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const close = async (graceMs = 8_000) => {
    if (closing) return;
    closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const finished = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    if ((await Promise.race([finished, late])) === 'late') log.warn('requests still running after the grace period; closing their connections', { inFlight });
    clearTimeout(timer);
    server.closeAllConnections();
    await stopped;
  };

  return { server, port: (server.address() as AddressInfo).port, close };
}
