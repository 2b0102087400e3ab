import { describe, expect, it } from 'vitest';
import { correlationIdFrom, isSaneCorrelationId } from './correlation-id.ts';

describe('correlation ids', () => {
  it.each([
    ['3f1c2a9e-8d4b-4c1e-9f00-1a2b3c4d5e6f', true],
    ['req_01HXYZ.abc:1', true],
    ['a', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['', false],
    ['-leading-dash', false],
    ['has space', false],
    ['line\nbreak', false],
    ['<script>', false],
    ['ünïcode', false],
  ])('%j sane: %s', (value, sane) => {
    expect(isSaneCorrelationId(value)).toBe(sane);
  });

  it('honours a sane incoming header', () => {
    expect(correlationIdFrom(new Headers({ 'x-correlation-id': ' abc-123 ' }))).toBe('abc-123');
  });

  it('replaces a missing or insane header with a fresh uuid', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(correlationIdFrom(new Headers())).toMatch(uuid);
    expect(correlationIdFrom(new Headers({ 'x-correlation-id': 'drop table;' }))).toMatch(uuid);
  });
});
