// serverAction: the common edge of every server action — the same permission check and
// zod parsing as apiRoute, but it returns an ActionResult instead of throwing, because
// whatever a server action throws reaches the browser as a crash. Server actions are the
// console's, so they authenticate by session only (personal tokens are for /api/v1).
import { unstable_rethrow } from 'next/navigation';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { can, roleLabels, type Permission } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { sessionPrincipalFromHeaders } from '../auth/session-principal.ts';
import { AppError, isAppError } from '../errors.ts';
import { log, withLogContext } from '../log.ts';
import { actionErrorFrom, actionOk, actionValidationFailed, type ActionResult } from './action-result.ts';
import { correlationIdFrom } from './correlation-id.ts';

export interface ServerActionConfig<S extends z.ZodType, T> {
  permission: Permission;
  input: S;
  handler: (args: { principal: Principal; input: z.output<S>; correlationId: string }) => Promise<T> | T;
}

/** Forms post FormData; everything else is passed through to the schema as is. */
export function formDataToObject(value: unknown): unknown {
  if (!(value instanceof FormData)) return value;
  const result: Record<string, FormDataEntryValue> = {};
  for (const [key, entry] of value) if (!key.startsWith('$ACTION')) result[key] = entry;
  return result;
}

export function serverAction<S extends z.ZodType, T>(config: ServerActionConfig<S, T>): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (rawInput) => {
    const requestHeaders = await headers();
    const correlationId = correlationIdFrom(requestHeaders);
    return withLogContext({ correlationId }, async () => {
      try {
        const principal = await sessionPrincipalFromHeaders(requestHeaders);
        if (!principal) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again to continue.');
        if (!can(principal.role, config.permission)) {
          throw new AppError('FORBIDDEN', `The ${roleLabels[principal.role]} role does not allow this.`);
        }
        const parsed = await config.input.safeParseAsync(formDataToObject(rawInput));
        if (!parsed.success) return actionValidationFailed(parsed.error.issues);
        return actionOk(await config.handler({ principal, input: parsed.data, correlationId }));
      } catch (error) {
        // redirect() and notFound() work by throwing; they must reach Next.js.
        unstable_rethrow(error);
        if (!isAppError(error) || error.status >= 500) log.error('server action failed', { err: error });
        return actionErrorFrom(error, correlationId);
      }
    });
  };
}
