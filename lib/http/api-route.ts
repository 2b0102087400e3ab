// apiRoute: the common edge of every operations-API route handler (CONVENTIONS habit 2).
// It assigns the correlation id, authenticates, checks the permission, parses params,
// query and body with zod, calls the handler and turns every failure into problem+json.
// The handler only does its one call and returns data (or a Response).
import type { z } from 'zod';
import { authenticateRequest } from '../auth/authenticate.ts';
import { can, roleLabels, type Permission } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { AppError, isAppError, problemResponse } from '../errors.ts';
import { log, withLogContext } from '../log.ts';
import { correlationIdFrom } from './correlation-id.ts';
import { readJsonBody } from './read-json-body.ts';
import { searchParamsToObject } from './search-params.ts';
import { parameterErrors, pointerErrors } from './validation-errors.ts';

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiHandlerArgs<P, B extends Schema, Q extends Schema, R extends Schema> {
  request: Request;
  principal: P;
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<R>;
  correlationId: string;
}

/** What a handler returns: a Response as is, undefined for 204, anything else as JSON. */
export type ApiHandlerResult = Response | undefined | null | void | Record<string, unknown> | unknown[];

interface CommonConfig<B extends Schema, Q extends Schema, R extends Schema> {
  /** Schema of the JSON body; without one the body is not read. */
  input?: B;
  /** Schema of the query string (repeated parameters arrive as arrays). */
  query?: Q;
  /** Schema of the dynamic route segments; a mismatch is a 404 (no such resource). */
  params?: R;
  maxBodyBytes?: number;
}

interface ProtectedConfig<B extends Schema, Q extends Schema, R extends Schema> extends CommonConfig<B, Q, R> {
  public?: false;
  /** Without a permission any signed-in person (or personal token) may call. */
  permission?: Permission;
  handler: (args: ApiHandlerArgs<Principal, B, Q, R>) => Promise<ApiHandlerResult> | ApiHandlerResult;
}

interface PublicConfig<B extends Schema, Q extends Schema, R extends Schema> extends CommonConfig<B, Q, R> {
  public: true;
  permission?: never;
  handler: (args: ApiHandlerArgs<null, B, Q, R>) => Promise<ApiHandlerResult> | ApiHandlerResult;
}

export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

export function apiRoute<B extends Schema = undefined, Q extends Schema = undefined, R extends Schema = undefined>(
  config: ProtectedConfig<B, Q, R> | PublicConfig<B, Q, R>,
): RouteHandler {
  return async (request, context) => {
    const correlationId = correlationIdFrom(request.headers);
    const url = new URL(request.url);
    return withLogContext({ correlationId }, async () => {
      const startedAt = performance.now();
      let userId: string | undefined;
      let response: Response;
      try {
        const principal = config.public ? null : await requirePrincipal(request, config.permission);
        userId = principal?.userId;
        const args = {
          request,
          principal,
          correlationId,
          params: await parse(config.params, (await context?.params) ?? {}, 'params'),
          query: await parse(config.query, searchParamsToObject(url.searchParams), 'query'),
          body: config.input ? await parse(config.input, await readJsonBody(request, { maxBytes: config.maxBodyBytes }), 'body') : undefined,
        };
        // The union of the two configs is narrowed by `public` above; TypeScript cannot follow it.
        const result = await (config.handler as (a: typeof args) => Promise<ApiHandlerResult> | ApiHandlerResult)(args);
        response = toResponse(result);
      } catch (error) {
        response = errorResponse(error, { correlationId, instance: url.pathname });
      }
      response = withApiHeaders(response, correlationId);
      log.info('api request', { method: request.method, path: url.pathname, status: response.status, durationMs: Math.round(performance.now() - startedAt), userId });
      return response;
    });
  };
}

async function requirePrincipal(request: Request, permission: Permission | undefined): Promise<Principal> {
  const principal = await authenticateRequest(request);
  if (!principal) {
    throw new AppError('UNAUTHENTICATED', 'Sign in, or send a personal API token as Authorization: Bearer <token>.', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  if (permission && !can(principal.role, permission)) {
    throw new AppError('FORBIDDEN', `The ${roleLabels[principal.role]} role does not allow this (needs ${permission}).`);
  }
  return principal;
}

async function parse<S extends Schema>(schema: S, value: unknown, where: 'params' | 'query' | 'body'): Promise<Parsed<S>> {
  if (!schema) return undefined as Parsed<S>;
  const result = await schema.safeParseAsync(value);
  if (result.success) return result.data as Parsed<S>;
  if (where === 'params') throw new AppError('NOT_FOUND', 'No such resource.');
  const errors = where === 'body' ? pointerErrors(result.error.issues) : parameterErrors(result.error.issues);
  const detail = where === 'body' ? 'The request body is not valid.' : 'The query parameters are not valid.';
  throw new AppError('VALIDATION_FAILED', detail, { details: { errors } });
}

export function toResponse(result: ApiHandlerResult): Response {
  if (result instanceof Response) return result;
  if (result === undefined || result === null) return new Response(null, { status: 204 });
  return Response.json(result);
}

function errorResponse(error: unknown, context: { correlationId: string; instance: string }): Response {
  if (!isAppError(error)) {
    log.error('unhandled error in route handler', { err: error, path: context.instance });
  } else if (error.status >= 500) {
    log.error('route handler failed', { err: error, code: error.code, path: context.instance });
  }
  return problemResponse(error, context);
}

function withApiHeaders(response: Response, correlationId: string): Response {
  // Responses from Response.redirect() or fetch() have immutable headers: copy those.
  let target = response;
  try {
    target.headers.set('x-correlation-id', correlationId);
  } catch {
    target = new Response(response.body, response);
    target.headers.set('x-correlation-id', correlationId);
  }
  // Answers carry one person's data: no shared caches.
  if (!target.headers.has('cache-control')) target.headers.set('cache-control', 'no-store');
  return target;
}
