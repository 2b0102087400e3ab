import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { detectIngestMode } from './detect-ingest-mode.ts';

const headers = (entries: Record<string, string> = {}) => new Headers(entries);

describe('detectIngestMode', () => {
  it.each<[string | null, Record<string, string>, string]>([
    ['application/cloudevents+json', {}, 'structured'],
    ['application/cloudevents+json; charset=utf-8', {}, 'structured'],
    ['Application/CloudEvents+JSON; charset="UTF-8"', {}, 'structured'],
    ['application/cloudevents-batch+json', {}, 'batch'],
    ['application/cloudevents-batch+json;charset=utf-8', {}, 'batch'],
    ['application/json', { 'ce-specversion': '1.0' }, 'binary'],
    ['application/json; charset=utf-8', { 'ce-specversion': '1.0' }, 'binary'],
    // The media type decides first: ce-* headers next to a structured body are ignored.
    ['application/cloudevents+json', { 'ce-specversion': '1.0' }, 'structured'],
  ])('%s with %j → %s', (contentType, extra, mode) => {
    expect(detectIngestMode({ contentType, headers: headers(extra) })).toBe(mode);
  });

  it.each<[string | null, Record<string, string>, RegExp]>([
    [null, {}, /missing is not accepted/],
    ['application/json', {}, /"application\/json" is not accepted.*binary mode/],
    ['text/plain', {}, /not accepted/],
    ['application/xml', {}, /not accepted/],
    ['multipart/form-data; boundary=x', {}, /not accepted/],
    ['application/cloudevents+xml', {}, /not accepted/],
    [null, { 'ce-specversion': '1.0' }, /Binary-mode events need a application\/json body \(Content-Type was missing\)/],
    ['text/xml', { 'ce-specversion': '1.0' }, /Binary-mode events need/],
    ['application/cloudevents+json; charset=iso-8859-1', {}, /Only UTF-8/],
  ])('%s with %j → 415', (contentType, extra, message) => {
    let thrown: unknown;
    try {
      detectIngestMode({ contentType, headers: headers(extra) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, details: { pointer: '' } });
    expect((thrown as AppError).message).toMatch(message);
  });
});
