import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { actionErrorFrom, actionOk, actionValidationFailed } from './action-result.ts';

describe('action results', () => {
  it('wraps data', () => {
    expect(actionOk({ id: 1 })).toEqual({ ok: true, data: { id: 1 } });
  });

  it('maps zod issues to field errors', () => {
    const issues = z.object({ name: z.string().min(1) }).safeParse({ name: '' }).error!.issues;
    expect(actionValidationFailed(issues)).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.any(String), fieldErrors: { name: [expect.any(String)] } },
    });
  });

  it('keeps the code and message of an AppError', () => {
    expect(actionErrorFrom(new AppError('NOT_FOUND', 'No such API token.'), 'c-1')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such API token.' },
    });
  });

  it('turns the JSON pointers of a service validation error into field names', () => {
    const error = new AppError('VALIDATION_FAILED', 'Bad.', {
      details: { errors: [{ pointer: '/name', message: 'Too long.' }, { pointer: '/lines/0/a~1b', message: 'x' }, 'junk'] },
    });
    expect(actionErrorFrom(error, 'c-1')).toMatchObject({ error: { fieldErrors: { name: ['Too long.'], 'lines.0.a/b': ['x'] } } });
  });

  it('never shows the message of an unexpected error, but quotes the correlation id', () => {
    const result = actionErrorFrom(new Error('connection string postgres://secret@db'), 'corr-42');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).not.toContain('secret');
    expect(result.error.message).toContain('corr-42');
    expect(result.error.correlationId).toBe('corr-42');
  });
});
