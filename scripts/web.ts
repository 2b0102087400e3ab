// The web process (`npm run web`; `npm start` runs it as the "web" child): Next.js for the
// console and the APIs, with POST /api/v1/events served on node:http directly
// (lib/runtime/web-server.ts). Needs a production build (`npm run build`; `npm start`
// builds when the sources changed). SIGINT/SIGTERM: stop accepting, let requests in flight
// finish, then exit.
import next from 'next';
import { applicationSecretKey } from '../lib/crypto/application-key.ts';
import { disconnectAll } from '../lib/db/client.ts';
import { ConfigError, parseEnv } from '../lib/env.ts';
import { log } from '../lib/log.ts';
import { startWebServer, type WebServer } from '../lib/runtime/web-server.ts';

process.env.THREADLINE_SERVICE ??= 'web';

async function main(): Promise<void> {
  const config = parseEnv();
  // Fail at start, not on the first signed event, when the secret key is missing or wrong.
  if (config.NODE_ENV === 'production') applicationSecretKey();

  const app = next({ dev: false, dir: process.cwd(), port: config.PORT, hostname: config.HOSTNAME });
  // Set once listening; a signal before that only has Next.js and the pools to close.
  const running: { web?: WebServer } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('web server stopping', { signal });
    await running.web?.close().catch((err: unknown) => log.warn('web server did not close cleanly', { err }));
    await app.close().catch(() => undefined);
    await disconnectAll().catch(() => undefined);
    process.exit(0);
  };
  // Before prepare(): a signal during start-up must stop us too (a custom server gets no handlers from Next).
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.prepare();
  const handleNext = app.getRequestHandler();
  const web = await startWebServer({ port: config.PORT, handleOther: (request, response) => handleNext(request, response) });
  running.web = web;
  log.info('web server listening', { port: web.port });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Web server cannot start: ${error.problems.join(' ')}\n`);
  } else {
    log.error('web server crashed', { err: error });
    process.stderr.write(`Web server stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
