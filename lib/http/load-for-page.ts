// loadForPage: how a console widget reads its data. A failure becomes a value the widget
// shows as its error state (the rest of the page still renders) instead of crashing the
// whole page: a refusal (bad cursor, unknown id) keeps its message; anything unexpected
// is logged with a correlation id and shown only as that reference.
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { isAppError, type ErrorCode } from '../errors.ts';
import { log, withLogContext } from '../log.ts';
import { correlationIdFrom } from './correlation-id.ts';

export type Loaded<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export async function loadForPage<T>(what: string, load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    // notFound() and redirect() work by throwing; they must reach Next.js.
    unstable_rethrow(error);
    if (isAppError(error) && error.status < 500) return { ok: false, code: error.code, message: error.message };
    const correlationId = correlationIdFrom(await headers());
    withLogContext({ correlationId }, () => log.error('console data failed to load', { what, err: error }));
    return { ok: false, code: 'INTERNAL', message: `Something went wrong on our side. If it keeps happening, quote reference ${correlationId}.` };
  }
}
