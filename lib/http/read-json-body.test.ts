import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { isJsonMediaType, readJsonBody } from './read-json-body.ts';

const post = (body: string, contentType?: string) =>
  new Request('http://localhost/x', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/problem+json', true],
    ['application/cloudevents+json', true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    ['application/jsonp', false],
    [null, false],
  ])('%s → %s', (contentType, result) => {
    expect(isJsonMediaType(contentType)).toBe(result);
  });
});

describe('readJsonBody', () => {
  it('parses JSON', async () => {
    expect(await readJsonBody(post('{"a":[1]}', 'application/json'))).toEqual({ a: [1] });
  });

  it('reads an empty body as undefined, whatever the content type', async () => {
    expect(await readJsonBody(post(''))).toBeUndefined();
  });

  it('415 for another media type', async () => {
    expect(await codeOf(readJsonBody(post('a=1', 'application/x-www-form-urlencoded')))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await codeOf(readJsonBody(post('{}')))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('400 for malformed JSON', async () => {
    expect(await codeOf(readJsonBody(post('{"a":', 'application/json')))).toBe('BAD_REQUEST');
  });

  it('413 above the limit', async () => {
    expect(await codeOf(readJsonBody(post(JSON.stringify({ a: 'x'.repeat(100) }), 'application/json'), { maxBytes: 50 }))).toBe('PAYLOAD_TOO_LARGE');
  });
});
