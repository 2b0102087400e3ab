import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerTokenOf, displayPrefixOf, generateApiToken, hashApiToken, looksLikeApiToken } from './api-token.ts';

describe('generateApiToken', () => {
  it('makes a tl_pat_ token of 32 random bytes, its sha256 hex and a display prefix', () => {
    const { token, tokenHash, displayPrefix } = generateApiToken();
    expect(token).toMatch(/^tl_pat_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(7), 'base64url')).toHaveLength(32);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(displayPrefix).toBe(token.slice(0, 13));
    expect(looksLikeApiToken(token)).toBe(true);
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => generateApiToken().token));
    expect(tokens.size).toBe(100);
  });

  it('hashes deterministically', () => {
    expect(hashApiToken('tl_pat_x')).toBe(hashApiToken('tl_pat_x'));
    expect(displayPrefixOf('tl_pat_abcdefghij')).toBe('tl_pat_abcdef');
  });
});

describe('looksLikeApiToken', () => {
  it.each([
    ['', false],
    ['tl_pat_', false],
    ['tl_pat_' + 'a'.repeat(42), false],
    ['tl_pat_' + 'a'.repeat(44), false],
    ['tl_pat_' + 'a'.repeat(42) + '=', false],
    ['xx_pat_' + 'a'.repeat(43), false],
    ['tl_pat_' + 'a'.repeat(43), true],
  ])('%s → %s', (value, result) => {
    expect(looksLikeApiToken(value)).toBe(result);
  });
});

describe('bearerTokenOf', () => {
  it.each([
    [null, undefined],
    ['', undefined],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', ''],
    ['Bearer   ', ''],
    ['Bearer abc', 'abc'],
    ['bearer abc ', 'abc'],
    ['BEARER  tl_pat_x', 'tl_pat_x'],
    ['Bearerabc', undefined],
  ])('%s → %s', (header, token) => {
    expect(bearerTokenOf(header)).toBe(token);
  });
});
