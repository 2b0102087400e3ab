import { describe, expect, it } from 'vitest';
import { generateConnectorToken, generateSigningSecret, hashConnectorToken, looksLikeConnectorToken, secretFingerprint } from './connector-credentials.ts';

describe('connector credentials', () => {
  it('makes prefixed random tokens whose SHA-256 is what gets stored', () => {
    const a = generateConnectorToken();
    const b = generateConnectorToken();
    expect(a.token).toMatch(/^tl_con_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashConnectorToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.displayPrefix).toBe(a.token.slice(0, 13));
  });

  it.each([
    ['a generated token', generateConnectorToken().token, true],
    ['a personal API token', 'tl_pat_' + 'A'.repeat(43), false],
    ['a short one', 'tl_con_abc', false],
    ['one with a space', 'tl_con_' + 'A'.repeat(42) + ' ', false],
  ])('looksLikeConnectorToken: %s', (_name, value, expected) => {
    expect(looksLikeConnectorToken(value)).toBe(expected);
  });

  it('makes prefixed signing secrets with a stable, short fingerprint', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^tl_whsec_[A-Za-z0-9_-]{43}$/);
    expect(secretFingerprint(secret)).toMatch(/^[0-9a-f]{16}$/);
    expect(secretFingerprint(secret)).toBe(secretFingerprint(secret));
    expect(secretFingerprint(secret)).not.toBe(secretFingerprint(generateSigningSecret()));
  });
});
