// Encryption of secrets Threadline must be able to read back (connector signing secrets:
// HMAC verification needs the plaintext, so they cannot be hashed). AES-256-GCM with a
// 32-byte application key. The stored form names its format version and the key it was
// sealed with, so a later key rotation can tell old ciphertexts from new ones:
//   v1.<key id>.<iv>.<tag>.<ciphertext>   (each part base64url)
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const SECRET_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

export type SecretBoxFailure = 'malformed' | 'wrong-key' | 'tampered';

export class SecretBoxError extends Error {
  readonly reason: SecretBoxFailure;
  constructor(reason: SecretBoxFailure, message: string) {
    super(message);
    this.name = 'SecretBoxError';
    this.reason = reason;
  }
}

/**
 * The key from its configured text: 64 hex characters, or base64/base64url of 32 bytes.
 * Undefined when the text is neither (env validation turns that into a sentence).
 */
export function decodeSecretKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const bytes = Buffer.from(value.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
    if (bytes.length === SECRET_KEY_BYTES) return bytes;
  }
  return undefined;
}

/** A short, non-secret name for a key (first 6 bytes of a domain-separated SHA-256). */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update('threadline-secret-key-id:').update(key).digest().subarray(0, 6).toString('base64url');
}

function assertKey(key: Buffer): void {
  if (key.length !== SECRET_KEY_BYTES) throw new Error(`The secret key must be ${SECRET_KEY_BYTES} bytes, not ${key.length}.`);
}

export function encryptSecret(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, secretKeyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptSecret(sealed: string, key: Buffer): string {
  assertKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError('malformed', 'The encrypted secret is not in the v1 format.');
  const [, keyId, ivText, tagText, ciphertextText] = parts as [string, string, string, string, string];
  if (keyId !== secretKeyId(key)) {
    throw new SecretBoxError('wrong-key', 'The secret was encrypted with another key (THREADLINE_SECRET_KEY or <data dir>/secret-key changed).');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('malformed', 'The encrypted secret has a bad IV or tag.');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // GCM authentication failed: the ciphertext, IV or tag was changed (or the key id collided).
    throw new SecretBoxError('tampered', 'The encrypted secret does not authenticate: it was altered or belongs to another key.');
  }
}
