// What a server action returns to the browser. Actions never throw to the client (an
// uncaught error there shows a generic crash and loses the form); they return one of
// these, and the form shows the message or the field errors.
import type { z } from 'zod';
import { isAppError, type ErrorCode } from '../errors.ts';
import { fieldErrors } from './validation-errors.ts';

export interface ActionError {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Quoted in the message of unexpected errors so support can find the log line. */
  correlationId?: string;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function actionValidationFailed(issues: readonly z.core.$ZodIssue[]): ActionResult<never> {
  return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Some fields need your attention.', fieldErrors: fieldErrors(issues) } };
}

/** Maps a thrown error to a result: AppErrors keep their message, anything else is hidden. */
export function actionErrorFrom(error: unknown, correlationId: string): ActionResult<never> {
  if (isAppError(error)) {
    const pointerList = error.details?.errors;
    const fields = Array.isArray(pointerList) ? fieldErrorsFromPointers(pointerList) : undefined;
    return { ok: false, error: { code: error.code, message: error.message, ...(fields ? { fieldErrors: fields } : {}) } };
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Something went wrong on our side. If it keeps happening, quote reference ${correlationId}.`, correlationId },
  };
}

// Services report field problems as JSON pointers (the API's shape); forms want names.
function fieldErrorsFromPointers(list: unknown[]): Record<string, string[]> | undefined {
  const result: Record<string, string[]> = {};
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { pointer, message } = item as { pointer?: unknown; message?: unknown };
    if (typeof pointer !== 'string' || typeof message !== 'string') continue;
    const field = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')).join('.');
    (result[field] ??= []).push(message);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
