// Starts a simulator's node:http server on host:port (0 = a free port) and stops it with
// its open connections and pending timers, so tests and npm start end promptly.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(server: http.Server, options: { port: number; host: string; timers?: Set<NodeJS.Timeout> }): Promise<Listening> {
  const { host } = options;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of options.timers ?? []) clearTimeout(timer);
        options.timers?.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A sleep whose timer `close()` above can cancel. */
export function timerSleep(timers: Set<NodeJS.Timeout>): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
}

/** A running simulator as tests and the CLI drive it: its URL, its knobs and counters, stop. */
export interface RunningServer<F, S> {
  url: string;
  port: number;
  stop(): Promise<void>;
  faults(): F;
  setFaults(update: Partial<F>): F;
  stats(): S;
}

/** listen(), then the handle with the simulator's knobs and counters. */
export async function serve<F, S>(
  server: http.Server,
  options: { port: number; host?: string; timers: Set<NodeJS.Timeout>; faults(): F; setFaults(update: Partial<F>): F; stats(): S },
): Promise<RunningServer<F, S>> {
  const listening = await listen(server, { port: options.port, host: options.host ?? '127.0.0.1', timers: options.timers });
  return { url: listening.url, port: listening.port, stop: listening.close, faults: options.faults, setFaults: options.setFaults, stats: options.stats };
}
