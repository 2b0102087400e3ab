import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSecretKey } from './secret-key.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'threadline-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('resolveSecretKey', () => {
  it('uses the configured key (hex or base64) and writes no file', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    expect(resolveSecretKey(dir, key.toString('hex')).equals(key)).toBe(true);
    expect(resolveSecretKey(dir, key.toString('base64')).equals(key)).toBe(true);
    expect(() => readFileSync(path.join(dir, 'secret-key'))).toThrow();
  });

  it('generates a key once, mode 0600, and returns the same key afterwards', () => {
    const dir = path.join(tempDir(), 'nested');
    const first = resolveSecretKey(dir);
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, 'secret-key')).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey(dir).equals(first)).toBe(true);
  });

  it('refuses a damaged key file instead of replacing it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'secret-key'), 'not a key\n');
    expect(() => resolveSecretKey(dir)).toThrow(/does not hold a valid secret key/);
    expect(readFileSync(path.join(dir, 'secret-key'), 'utf8')).toBe('not a key\n');
  });

  it('refuses a bad configured key with a sentence naming the variable', () => {
    expect(() => resolveSecretKey(tempDir(), 'abc')).toThrow(/THREADLINE_SECRET_KEY must be 32 bytes/);
  });
});
