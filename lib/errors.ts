// The one error type of Threadline. Every failure that reaches a person or a connected
// system is an AppError with a code; the code decides the HTTP status and the
// problem+json (RFC 9457) body. Unknown errors become INTERNAL and are never shown raw.

export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const titles: Record<ErrorCode, string> = {
  BAD_REQUEST: 'Bad request',
  VALIDATION_FAILED: 'Validation failed',
  UNAUTHENTICATED: 'Authentication required',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  UNPROCESSABLE: 'Unprocessable',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
  UNAVAILABLE: 'Service unavailable',
};

export interface AppErrorOptions {
  /** Extra members of the problem+json body (e.g. `pointer`, `errors`). */
  details?: Record<string, unknown>;
  /** Extra HTTP headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  correlationId?: string;
  [extension: string]: unknown;
}

/** Builds the problem+json body for an error; unknown errors get a generic detail. */
export function toProblem(error: unknown, context: { instance?: string; correlationId?: string } = {}): ProblemDetails {
  const appError = isAppError(error) ? error : new AppError('INTERNAL', 'An unexpected error occurred. It has been logged with the correlation id.');
  return {
    ...appError.details,
    type: `https://threadline.dev/problems/${appError.code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[appError.code],
    status: appError.status,
    detail: appError.message,
    code: appError.code,
    ...(context.instance ? { instance: context.instance } : {}),
    ...(context.correlationId ? { correlationId: context.correlationId } : {}),
  };
}

/** An answer as plain parts, for servers that do not speak Fetch Response (lib/runtime/web-server.ts). */
export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function problemAnswer(error: unknown, context: { instance?: string; correlationId?: string } = {}): PlainAnswer {
  const problem = toProblem(error, context);
  const headers: Record<string, string> = {};
  if (isAppError(error) && error.headers) for (const [k, v] of Object.entries(error.headers)) headers[k.toLowerCase()] = v;
  headers['content-type'] = 'application/problem+json';
  if (context.correlationId) headers['x-correlation-id'] = context.correlationId;
  return { status: problem.status, headers, body: JSON.stringify(problem) };
}

export function problemResponse(error: unknown, context: { instance?: string; correlationId?: string } = {}): Response {
  return plainToResponse(problemAnswer(error, context));
}

export function plainToResponse(answer: PlainAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
