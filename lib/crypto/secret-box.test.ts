import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { decodeSecretKey, decryptSecret, encryptSecret, SecretBoxError, secretKeyId } from './secret-box.ts';

const key = randomBytes(32);
const otherKey = randomBytes(32);
const secret = 'tl_whsec_' + randomBytes(32).toString('base64url');

function failure(fn: () => unknown): SecretBoxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretBoxError);
    return error as SecretBoxError;
  }
  throw new Error('expected a SecretBoxError');
}

/** Flips one bit in the base64url part `index` of a sealed secret. */
function flip(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0]! ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encryptSecret / decryptSecret', () => {
  it('round-trips, with a fresh IV every time and the key id in the clear', () => {
    const a = encryptSecret(secret, key);
    const b = encryptSecret(secret, key);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a.split('.')[1]).toBe(secretKeyId(key));
    expect(a).not.toContain(secret.slice(9));
    expect(decryptSecret(a, key)).toBe(secret);
    expect(decryptSecret(encryptSecret('', key), key)).toBe('');
    expect(decryptSecret(encryptSecret('naïve ✓', key), key)).toBe('naïve ✓');
  });

  it.each([
    ['the ciphertext', 4],
    ['the tag', 3],
    ['the IV', 2],
  ])('detects a change to %s', (_what, index) => {
    expect(failure(() => decryptSecret(flip(encryptSecret(secret, key), index), key)).reason).toBe('tampered');
  });

  it('refuses the wrong key, even with the key id forged', () => {
    const sealed = encryptSecret(secret, key);
    expect(failure(() => decryptSecret(sealed, otherKey)).reason).toBe('wrong-key');
    const forged = sealed.split('.');
    forged[1] = secretKeyId(otherKey);
    expect(failure(() => decryptSecret(forged.join('.'), otherKey)).reason).toBe('tampered');
  });

  it.each(['', 'plain', 'v2.a.b.c.d', 'v1.a.b.c', `v1.${secretKeyId(key)}.AAAA.AAAA.AAAA`])('refuses the malformed %j', (sealed) => {
    expect(failure(() => decryptSecret(sealed, key)).reason).toBe('malformed');
  });

  it('needs a 32-byte key', () => {
    expect(() => encryptSecret(secret, randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('decodeSecretKey', () => {
  const bytes = randomBytes(32);
  it.each([
    ['hex', bytes.toString('hex')],
    ['base64', bytes.toString('base64')],
    ['base64url', bytes.toString('base64url')],
    ['base64 with a newline', bytes.toString('base64') + '\n'],
  ])('reads %s', (_format, text) => {
    expect(decodeSecretKey(text)?.equals(bytes)).toBe(true);
  });

  it.each(['', 'short', randomBytes(16).toString('hex'), randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), 'z'.repeat(64)])(
    'refuses %j',
    (text) => {
      expect(decodeSecretKey(text)).toBeUndefined();
    },
  );

  it('is what the environment validation uses, with one sentence naming the variable', () => {
    expect(parseEnv({ THREADLINE_SECRET_KEY: bytes.toString('base64') }).THREADLINE_SECRET_KEY).toBe(bytes.toString('base64'));
    expect(() => parseEnv({ THREADLINE_SECRET_KEY: 'too-short' })).toThrow(/THREADLINE_SECRET_KEY must be 32 bytes/);
  });
});
