import { describe, expect, it } from 'vitest';
import { createApiTokenSchema, expiryFrom } from './api-token.ts';

describe('createApiTokenSchema', () => {
  it.each([
    [{ name: 'CI' }, { name: 'CI', expiresInDays: 90 }],
    [{ name: '  laptop  ', expiresInDays: 7 }, { name: 'laptop', expiresInDays: 7 }],
    [{ name: 'form', expiresInDays: '30' }, { name: 'form', expiresInDays: 30 }],
    [{ name: 'forever', expiresInDays: null }, { name: 'forever', expiresInDays: null }],
    [{ name: 'forever', expiresInDays: 'never' }, { name: 'forever', expiresInDays: null }],
  ])('accepts %j', (input, output) => {
    expect(createApiTokenSchema.parse(input)).toEqual(output);
  });

  it.each([
    [{}, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ name: 'a', expiresInDays: 0 }, 'expiresInDays'],
    [{ name: 'a', expiresInDays: 367 }, 'expiresInDays'],
    [{ name: 'a', expiresInDays: 1.5 }, 'expiresInDays'],
    [{ name: 'a', expiresInDays: 'soon' }, 'expiresInDays'],
  ])('rejects %j at %s', (input, field) => {
    const result = createApiTokenSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('expiryFrom', () => {
  it('adds whole days, or never expires', () => {
    const now = new Date('2026-01-31T10:00:00Z');
    expect(expiryFrom(30, now)?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(expiryFrom(null, now)).toBeNull();
  });
});
