// GET|POST /_control of a simulator: GET shows its knobs and counters, POST changes knobs
// (a partial update, checked by its schema). Only callers on this machine: anyone who can
// reach it can take the simulator down.
import type http from 'node:http';
import { z } from 'zod';
import { isLoopback, readJson, send } from './http-io.ts';
import { SimulatorProblem } from './problem.ts';

export async function controlRoute<U>(req: http.IncomingMessage, res: http.ServerResponse, options: { update: z.ZodType<U>; apply(update: U): void; view(): Record<string, unknown> }): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) throw new SimulatorProblem(404, 'NOT_FOUND', 'No such resource.');
  if (req.method === 'POST') {
    const update = options.update.safeParse(await readJson(req));
    if (!update.success) throw new SimulatorProblem(400, 'INVALID_REQUEST', z.prettifyError(update.error));
    options.apply(update.data);
  } else if (req.method !== 'GET') {
    throw new SimulatorProblem(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.');
  }
  send(res, 200, options.view());
}
