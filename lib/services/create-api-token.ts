// Creates a personal API token for a person. The plaintext is returned once, here, and
// never stored: only its SHA-256 and a short display prefix are kept.
import { generateApiToken } from '../auth/api-token.ts';
import { db } from '../db/client.ts';
import { AppError } from '../errors.ts';

export const API_TOKEN_NAME_MAX_LENGTH = 100;

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  /** The plaintext token; shown to the person once. */
  token: string;
}

export async function createApiToken(options: { userId: string; name: string; expiresAt: Date | null; now?: Date }): Promise<CreatedApiToken> {
  const { userId, expiresAt, now = new Date() } = options;
  const name = options.name.trim();
  if (!name || name.length > API_TOKEN_NAME_MAX_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `A token needs a name of 1 to ${API_TOKEN_NAME_MAX_LENGTH} characters.`, {
      details: { errors: [{ pointer: '/name', message: `Must be 1 to ${API_TOKEN_NAME_MAX_LENGTH} characters.` }] },
    });
  }
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'A token cannot expire in the past.', {
      details: { errors: [{ pointer: '/expiresAt', message: 'Must be in the future.' }] },
    });
  }

  const { token, tokenHash, displayPrefix } = generateApiToken();
  const row = await db().apiToken.create({
    data: { userId, name, tokenHash, prefix: displayPrefix, expiresAt, createdAt: now },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
  });
  return { ...row, token };
}
