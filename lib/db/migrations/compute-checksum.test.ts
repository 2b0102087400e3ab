import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksumMatches, computeChecksum } from './compute-checksum.ts';

const script = 'CREATE TABLE "A" ("id" INTEGER);\nCREATE TABLE "B" ("id" INTEGER);\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('computeChecksum', () => {
  it('is the zero-padded lower-case hex SHA-256 of the bytes', () => {
    expect(computeChecksum(script)).toBe(sha256(script));
    expect(computeChecksum(Buffer.from(script))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('checksumMatches', () => {
  it.each([
    ['the recorded checksum', sha256(script), true],
    ['the checksum of the CRLF checkout', sha256(script.replaceAll('\n', '\r\n')), true],
    ['a legacy checksum without zero padding', legacy(script), true],
    ['the checksum of another script', sha256(`${script}-- edited\n`), false],
  ])('%s → %s', (_label, recorded, expected) => {
    expect(checksumMatches(script, recorded)).toBe(expected);
  });

  it('matches an LF checkout against a CRLF-recorded script and back', () => {
    const crlf = script.replaceAll('\n', '\r\n');
    expect(checksumMatches(crlf, sha256(script))).toBe(true);
  });
});

function legacy(text: string): string {
  return Array.from(createHash('sha256').update(text).digest(), (byte) => byte.toString(16)).join('');
}
