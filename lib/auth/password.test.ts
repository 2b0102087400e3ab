import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, verifyAgainstDummyHash, verifyPassword } from './password.ts';

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
  });

  it('treats canonically equivalent Unicode spellings as the same password', async () => {
    const hash = await hashPassword('caf\u00e9');
    expect(await verifyPassword('cafe\u0301', hash)).toBe(true);
  });

  it('verifies hashes made with other parameters (they are read from the hash)', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('pw', salt, 64, { N: 1024, r: 4, p: 1 });
    const hash = `scrypt$1024$4$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('pw', hash)).toBe(true);
    expect(await verifyPassword('pv', hash)).toBe(false);
  });

  it('refuses empty and absurdly long passwords at hashing time', async () => {
    await expect(hashPassword('')).rejects.toThrow(/empty/);
    await expect(hashPassword('x'.repeat(1025))).rejects.toThrow(/at most/);
  });

  it('the dummy check always fails', async () => {
    expect(await verifyAgainstDummyHash('anything')).toBe(false);
    expect(await verifyAgainstDummyHash('')).toBe(false);
  });
});

describe('parsePasswordHash', () => {
  const salt = Buffer.alloc(16, 1).toString('base64url');
  const key = Buffer.alloc(32, 2).toString('base64url');

  it.each([
    ['not a hash', 'plaintext'],
    ['wrong algorithm', `bcrypt$16384$8$1$${salt}$${key}`],
    ['N not a power of two', `scrypt$30000$8$1$${salt}$${key}`],
    ['N too large (memory bomb)', `scrypt$${2 ** 24}$8$1$${salt}$${key}`],
    ['r out of range', `scrypt$16384$0$1$${salt}$${key}`],
    ['p out of range', `scrypt$16384$8$99$${salt}$${key}`],
    ['short salt', `scrypt$16384$8$1$AAAA$${key}`],
    ['missing key', `scrypt$16384$8$1$${salt}$`],
    ['extra parts', `scrypt$16384$8$1$${salt}$${key}$x`],
  ])('rejects %s', async (_label, stored) => {
    expect(parsePasswordHash(stored)).toBeUndefined();
    expect(await verifyPassword('pw', stored)).toBe(false);
  });

  it('accepts a well-formed hash', () => {
    expect(parsePasswordHash(`scrypt$16384$8$1$${salt}$${key}`)).toMatchObject({ N: 16384, r: 8, p: 1 });
  });
});
