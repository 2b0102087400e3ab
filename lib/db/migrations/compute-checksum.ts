// Checksums of migration scripts, computed and compared the way Prisma's schema engine does
// (prisma-engines schema-connector checksum.rs), so `prisma migrate status` agrees with us.
import { createHash } from 'node:crypto';

/** Lower-case, zero-padded hex SHA-256 of the script's bytes: what Prisma records. */
export function computeChecksum(script: string | Uint8Array): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Whether a recorded checksum still describes the script. Like Prisma, a checkout with the other
 * line endings (git autocrlf) still matches, and so does the non-zero-padded hex that engines
 * before 2.23 wrote (prisma/prisma#7361).
 */
export function checksumMatches(script: string, recordedChecksum: string): boolean {
  const otherLineEndings = script.includes('\r\n') ? script.replaceAll('\r\n', '\n') : script.replaceAll('\n', '\r\n');
  return [script, otherLineEndings].some((variant) => {
    const digest = createHash('sha256').update(variant).digest();
    return digest.toString('hex') === recordedChecksum || legacyHex(digest) === recordedChecksum;
  });
}

function legacyHex(digest: Buffer): string {
  return Array.from(digest, (byte) => byte.toString(16)).join('');
}
